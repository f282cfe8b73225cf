import GRDB
import IAMSimDatabase

/// Records whose `Date` properties use `StoredDate`'s conversion.
protocol StoredDates: EncodableRecord, FetchableRecord {}

extension StoredDates {
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { StoredDate($0) }
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { StoredDate.fromDatabaseValue($0)?.date }
    }
}
extension GroupRecord: StoredDates {}
extension LoginProfileRecord: StoredDates {}
