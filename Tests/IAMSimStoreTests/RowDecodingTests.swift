import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimStore
@testable import IAMSimDatabase

/// No row decode may stop the process: a NULL or a value of another type in any column
/// decodes (where the column may hold it) or throws `SQLITE_CORRUPT` naming the column, which
/// the store reports as `DatabaseFileError.corrupt`.
@Suite("Decoding damaged rows")
struct RowDecodingTests {
    /// A record type, one valid row of it, and its decoder.
    struct Table: CustomTestStringConvertible, Sendable {
        var name: String
        var row: [(String, DatabaseValue)]
        var decode: @Sendable (Row) throws -> Void
        var testDescription: String { name }
    }

    static func values(_ pairs: [(column: String, value: (any DatabaseValueConvertible)?)]) -> [(String, DatabaseValue)] {
        pairs.map { ($0.column, $0.value?.databaseValue ?? .null) }
    }

    static let created = Date(timeIntervalSince1970: 1_767_600_000).stored

    static let tables: [Table] = [
        Table(name: "account", row: values(PlainRecordTests.account.columnValues)) { _ = try AccountRecord(row: $0) },
        Table(name: "iamUser", row: values(PlainRecordTests.user.columnValues)) { _ = try UserRecord(row: $0) },
        Table(name: "accessKey", row: values(PlainRecordTests.key.columnValues)) { _ = try AccessKeyRecord(row: $0) },
        Table(name: "mfaDevice", row: values(PlainRecordTests.device.columnValues)) { _ = try MFADeviceRecord(row: $0) },
        Table(name: "consoleSession", row: values(PlainRecordTests.session.columnValues)) { _ = try SessionRecord(row: $0) },
        Table(
            name: "event",
            row: values([
                ("id", 7), ("accountId", "210987654321"), ("eventTime", created), ("eventName", "ConsoleLogin"),
                ("actorArn", "arn:aws:iam::210987654321:root"), ("outcome", "Success"), ("errorCode", nil),
                ("errorMessage", nil), ("mfaUsed", true), ("resource", nil),
            ])
        ) { _ = try EventRecord(row: $0) },
        Table(
            name: "iamGroup",
            row: values([
                ("id", "AGPAEXAMPLE"), ("accountId", "210987654321"), ("groupName", "admins"), ("path", "/"),
                ("createDate", created),
            ])
        ) { _ = try GroupRecord(row: $0) },
        Table(
            name: "loginProfile",
            row: values([
                ("userId", "AIDAEXAMPLE"), ("passwordHash", "pbkdf2-sha512$1$c2FsdA==$aGFzaA=="), ("createDate", created),
                ("passwordLastChanged", created), ("passwordResetRequired", false),
            ])
        ) { _ = try LoginProfileRecord(row: $0) },
    ]

    static func row(_ pairs: [(String, DatabaseValue)]) -> Row {
        Row(Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, $0.1 as (any DatabaseValueConvertible)?) }))
    }

    /// What a damaged column may hold instead of its value.
    static let damages: [(String, DatabaseValue)] = [
        ("NULL", .null), ("text", "not-what-you-think".databaseValue), ("a number", 42.databaseValue),
        ("a blob", Data([0xFF, 0xFE]).databaseValue), ("a bad date", "yesterday".databaseValue),
    ]

    @Test("the valid rows decode", arguments: tables)
    func valid(table: Table) throws {
        try table.decode(Self.row(table.row))
    }

    @Test("each column damaged in each way decodes or throws SQLITE_CORRUPT naming the column", arguments: tables)
    func damaged(table: Table) throws {
        for (index, (column, _)) in table.row.enumerated() {
            for (what, damage) in Self.damages {
                var pairs = table.row
                pairs[index] = (column, damage)
                let row = Self.row(pairs)
                do {
                    try table.decode(row)
                } catch let error as DatabaseError {
                    #expect(error.resultCode == .SQLITE_CORRUPT, "\(table.name).\(column) as \(what)")
                    #expect(error.message?.contains(column) == true, "\(table.name).\(column) as \(what): \(error)")
                } catch let failure as RowDecodingError {
                    // GRDB's Codable records (groups, login profiles): reported as corrupt too.
                    let translated = AppDatabase.failure(failure, path: "/x.sqlite")
                    #expect(translated as? DatabaseFileError == .corrupt(path: "/x.sqlite", detail: "a row holds a value its column cannot hold"))
                } catch {
                    Issue.record("\(table.name).\(column) as \(what): unexpected \(type(of: error))")
                }
            }
        }
    }

    @Test("damaged values read through the store are DatabaseFileError.corrupt, saying what is damaged")
    func throughTheStore() throws {
        let h = try StoreHarness()
        try h.database.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE accessKey SET createDate = 'yesterday'")
        }
        _ = try h.signIn()
        #expect(
            throws: DatabaseFileError.corrupt(path: h.database.path, detail: "column createDate does not hold a date")
        ) { try h.store.listAccessKeys(caller: h.console) }
        try h.database.write { db in try db.execute(sql: "UPDATE account SET failedMFAAttempts = 'many'") }
        #expect(
            throws: DatabaseFileError.corrupt(path: h.database.path, detail: "column failedMFAAttempts holds text where another type is required")
        ) { try h.store.exportFixture(AccountID(known: "123456789012")) }
    }

    @Test("the store's messages for damage name the database and what is damaged")
    func message() {
        #expect(
            DatabaseFileError.corrupt(path: "/x.sqlite", detail: "column accountId holds NULL where a value is required").message
                == "The database /x.sqlite is damaged (column accountId holds NULL where a value is required). Move it aside, or recreate it with: iamsim init --force --db /x.sqlite"
        )
    }
}
