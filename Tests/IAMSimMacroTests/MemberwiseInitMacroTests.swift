import SwiftSyntaxMacrosGenericTestSupport
import Testing

@Suite("@MemberwiseInit")
struct MemberwiseInitMacroTests {
    @Test("a public struct gets a public initializer, one parameter per stored property, in order")
    func publicStruct() {
        expectExpansion(
            """
            @MemberwiseInit
            public struct Tag: Hashable {
                public var key: String
                public let value: String
            }
            """,
            expandedSource: """
                public struct Tag: Hashable {
                    public var key: String
                    public let value: String

                    /// Creates a value from each of its stored properties.
                    public init(key: String, value: String) {
                        self.key = key
                        self.value = value
                    }
                }
                """)
    }

    @Test("defaults as Swift's own: a var's initial value, nil for an optional var; not for a let")
    func defaults() {
        expectExpansion(
            """
            @MemberwiseInit
            package struct Key {
                var path: String = "/"
                var lastUsed: Date?
                let expires: Date?
                let kind = "key"
                var count, total: Int
            }
            """,
            expandedSource: """
                package struct Key {
                    var path: String = "/"
                    var lastUsed: Date?
                    let expires: Date?
                    let kind = "key"
                    var count, total: Int

                    /// Creates a value from each of its stored properties.
                    package init(path: String = "/", lastUsed: Date? = nil, expires: Date?, count: Int, total: Int) {
                        self.path = path
                        self.lastUsed = lastUsed
                        self.expires = expires
                        self.count = count
                        self.total = total
                    }
                }
                """)
    }

    @Test("computed and static properties are not parameters; observed ones are; closures escape")
    func skipped() {
        expectExpansion(
            """
            @MemberwiseInit
            public struct Counter {
                public static let zero = 0
                public var value: Int { didSet { changed() } }
                public var doubled: Int { value * 2 }
                public var changed: () -> Void
            }
            """,
            expandedSource: """
                public struct Counter {
                    public static let zero = 0
                    public var value: Int { didSet { changed() } }
                    public var doubled: Int { value * 2 }
                    public var changed: () -> Void

                    /// Creates a value from each of its stored properties.
                    public init(value: Int, changed: @escaping () -> Void) {
                        self.value = value
                        self.changed = changed
                    }
                }
                """)
    }

    @Test("a property without a written type, or a class, is refused with a reason")
    func refused() {
        expectExpansion(
            """
            @MemberwiseInit
            public struct Counter {
                public var value = 0
            }
            """,
            expandedSource: """
                public struct Counter {
                    public var value = 0
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message:
                        "stored property 'value' needs a written type: a macro reads the declaration, not inferred types",
                    line: 1, column: 1)
            ])
        expectExpansion(
            """
            @MemberwiseInit
            public final class Box {
                public var value: Int
            }
            """,
            expandedSource: """
                public final class Box {
                    public var value: Int
                }
                """,
            diagnostics: [DiagnosticSpec(message: "@MemberwiseInit applies to a struct", line: 1, column: 1)])
    }
}
