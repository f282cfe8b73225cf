import SwiftSyntaxMacrosGenericTestSupport
import Testing

@Suite("@StoredColumns")
struct StoredColumnsMacroTests {
    @Test("a record's stored properties become its columns, read and written in declaration order")
    func record() {
        expectExpansion(
            """
            @StoredColumns
            struct GroupRecord: Hashable {
                var id: String
                var createDate: Date
                /// Derived, not stored.
                var isNew: Bool { false }
            }
            """,
            expandedSource: """
                struct GroupRecord: Hashable {
                    var id: String
                    var createDate: Date
                    /// Derived, not stored.
                    var isNew: Bool { false }
                }

                extension GroupRecord {
                    /// The table's columns: the record's stored properties, in order.
                    enum Column: String, CaseIterable {
                        case id
                        case createDate
                    }

                    /// Decodes a row that holds every column.
                    init(_ row: ColumnReader<Column>) throws {
                        self.id = try row.value(.id)
                        self.createDate = try row.value(.createDate)
                    }

                    /// The value stored in `column`: a `StoredDate` for dates, the raw value for enumerations.
                    func value(of column: Column) -> (any DatabaseValueConvertible)? {
                        switch column {
                        case .id:
                            ColumnValue.of(id)
                        case .createDate:
                            ColumnValue.of(createDate)
                        }
                    }
                }
                """)
    }

    @Test("only a struct")
    func refused() {
        expectRefusedOnNonStruct("StoredColumns")
    }
}
