import Foundation
import GRDB
import IAMSimTestSupport
import Testing

@testable import IAMSimCore
@testable import IAMSimDatabase
@testable import IAMSimStore

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

    static func values(_ pairs: [(column: String, value: (any DatabaseValueConvertible)?)]) -> [(String, DatabaseValue)]
    {
        pairs.map { ($0.column, $0.value?.databaseValue ?? .null) }
    }

    static let created = Date(timeIntervalSince1970: 1_767_600_000).stored

    static let tables: [Table] = [
        Table(name: "account", row: RecordSamples.row(RecordSamples.account)) { _ = try AccountRecord(row: $0) },
        Table(name: "iamUser", row: RecordSamples.row(RecordSamples.user)) { _ = try UserRecord(row: $0) },
        Table(name: "accessKey", row: RecordSamples.row(RecordSamples.key)) { _ = try AccessKeyRecord(row: $0) },
        Table(name: "mfaDevice", row: RecordSamples.row(RecordSamples.device)) { _ = try MFADeviceRecord(row: $0) },
        Table(name: "consoleSession", row: RecordSamples.row(RecordSamples.session)) { _ = try SessionRecord(row: $0) },
        Table(
            name: "event",
            row: values([
                ("id", 7), ("accountId", "210987654321"), ("eventTime", created), ("eventName", "ConsoleLogin"),
                ("actorArn", "arn:aws:iam::210987654321:root"), ("outcome", "Success"), ("errorCode", nil),
                ("errorMessage", nil), ("mfaUsed", true), ("resource", nil), ("eventSource", "signin.amazonaws.com"),
                ("userIdentityType", "Root"), ("accessKeyId", "AKIAEXAMPLEKEY000001"),
                ("sourceIPAddress", "192.0.2.1"), ("userAgent", "aws-cli/1.45.11"), ("mfaAuthenticated", true),
            ])
        ) { _ = try EventRecord(row: $0) },
        Table(name: "iamGroup", row: RecordSamples.row(RecordSamples.group)) { _ = try GroupRecord(row: $0) },
        Table(name: "loginProfile", row: RecordSamples.row(RecordSamples.loginProfile)) {
            _ = try LoginProfileRecord(row: $0)
        },
        Table(name: "groupMembership", row: RecordSamples.row(RecordSamples.membership)) {
            _ = try GroupMembershipRecord(row: $0)
        },
        Table(name: "passwordHistory", row: RecordSamples.row(RecordSamples.history)) {
            _ = try PasswordHistoryRecord(row: $0)
        },
        Table(name: "passwordPolicy", row: RecordSamples.row(RecordSamples.policy)) {
            _ = try PasswordPolicyRecord(row: $0)
        },
        Table(name: "credentialReport", row: RecordSamples.row(RecordSamples.report)) {
            _ = try CredentialReportRecord(row: $0)
        },
        Table(name: "lessonProgress", row: RecordSamples.row(RecordSamples.progress)) {
            _ = try LessonProgressRecord(row: $0)
        },
        Table(name: "lessonStep", row: RecordSamples.row(RecordSamples.step)) { _ = try LessonStepRecord(row: $0) },
        Table(name: "sessionCredential", row: RecordSamples.row(RecordSamples.sessionCredential)) {
            _ = try SessionCredentialRecord(row: $0)
        },
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
            throws: DatabaseFileError.corrupt(
                path: h.database.path, detail: "column failedMFAAttempts holds text where another type is required")
        ) { try h.accounts.exportFixture(AccountID(known: "123456789012")) }
    }

    /// What to do about it (`iamsim init --force --db PATH`) is the CLI's to add: RemedyTextTests.
    @Test("the store's messages for damage name the database and what is damaged")
    func message() {
        #expect(
            DatabaseFileError.corrupt(
                path: "/x.sqlite", detail: "column accountId holds NULL where a value is required"
            ).message
                == "The database /x.sqlite is damaged (column accountId holds NULL where a value is required)."
        )
    }
}
