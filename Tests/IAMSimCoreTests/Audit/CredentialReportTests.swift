import Foundation
import Testing

@testable import IAMSimCore

@Suite("The credential report's CSV")
struct CredentialReportTests {
    static let header =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated"

    static func date(_ text: String) throws -> Date { try #require(Timestamp.parse(text)) }

    /// The lesson's start: root with one active key never used, a password last used at
    /// 09:30:05, no MFA, no users.
    static func lessonStart() throws -> [CredentialReportEntry] {
        [
            CredentialReportEntry(
                isRoot: true, user: "root", arn: "arn:aws:iam::123456789012:root",
                creationTime: try date("2026-01-05T09:00:00Z"), hasPassword: true,
                passwordLastUsed: try date("2026-01-05T09:30:05Z"), mfaActive: false,
                accessKeys: [.init(active: true, lastRotated: try date("2026-01-05T09:00:00Z"))])
        ]
    }

    /// A messy account under a policy that expires passwords after 90 days.
    static func messyAccount() throws -> [CredentialReportEntry] {
        let policy = PasswordPolicy(maxPasswordAge: 90)
        let aliceChanged = try date("2026-01-06T10:00:00Z")
        let carolChanged = try date("2026-02-01T09:00:00Z")
        return [
            CredentialReportEntry(
                isRoot: true, user: "root", arn: "arn:aws:iam::123456789012:root",
                creationTime: try date("2026-01-05T09:00:00Z"), hasPassword: true,
                passwordLastUsed: try date("2026-02-10T07:15:00Z"), mfaActive: true,
                accessKeys: [
                    .init(active: false, lastRotated: try date("2026-01-10T08:00:00Z")),
                    .init(
                        active: true, lastRotated: try date("2026-01-20T12:00:00Z"),
                        lastUsedDate: try date("2026-02-01T10:00:00Z"), lastUsedRegion: "us-east-1",
                        lastUsedService: "s3"),
                ]),
            CredentialReportEntry(
                user: "alice", arn: "arn:aws:iam::123456789012:user/alice",
                creationTime: try date("2026-01-06T10:00:00Z"), hasPassword: true,
                passwordLastUsed: try date("2026-02-12T16:45:30Z"), passwordLastChanged: aliceChanged,
                passwordNextRotation: policy.nextRotation(afterChange: aliceChanged), mfaActive: true,
                accessKeys: [
                    .init(
                        active: true, lastRotated: try date("2026-01-06T10:05:00Z"),
                        lastUsedDate: try date("2026-02-11T13:20:00Z"), lastUsedRegion: "eu-west-1",
                        lastUsedService: "ec2")
                ]),
            // No password: the policy's rotation does not apply, whatever the caller passes.
            CredentialReportEntry(
                user: "bob", arn: "arn:aws:iam::123456789012:user/bob",
                creationTime: try date("2026-01-07T11:00:00Z"), hasPassword: false,
                passwordNextRotation: try date("2026-04-07T11:00:00Z"), mfaActive: false,
                accessKeys: [
                    .init(
                        active: true, lastRotated: try date("2026-01-07T11:01:00Z"),
                        lastUsedDate: try date("2026-02-13T02:00:00Z"), lastUsedRegion: "us-west-2",
                        lastUsedService: "dynamodb"),
                    .init(active: false, lastRotated: try date("2026-02-01T00:00:00Z")),
                ]),
            CredentialReportEntry(
                user: "carol", arn: "arn:aws:iam::123456789012:user/engineering/carol",
                creationTime: carolChanged, hasPassword: true, passwordLastChanged: carolChanged,
                passwordNextRotation: policy.nextRotation(afterChange: carolChanged), mfaActive: false),
        ]
    }

    @Test("the header is AWS's 22 columns, in order")
    func header() {
        #expect(CredentialReport.header == Self.header)
        #expect(CredentialReport.columns.count == 22)
    }

    @Test("the lesson's start, byte for byte")
    func lessonStartGolden() throws {
        let expected = """
            \(Self.header)
            <root_account>,arn:aws:iam::123456789012:root,2026-01-05T09:00:00+00:00,not_supported,2026-01-05T09:30:05+00:00,not_supported,not_supported,false,true,2026-01-05T09:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A

            """
        #expect(CredentialReport.csv(try Self.lessonStart()) == expected)
    }

    @Test("a messy account, byte for byte")
    func messyGolden() throws {
        let expected = """
            \(Self.header)
            <root_account>,arn:aws:iam::123456789012:root,2026-01-05T09:00:00+00:00,not_supported,2026-02-10T07:15:00+00:00,not_supported,not_supported,true,false,2026-01-10T08:00:00+00:00,N/A,N/A,N/A,true,2026-01-20T12:00:00+00:00,2026-02-01T10:00:00+00:00,us-east-1,s3,false,N/A,false,N/A
            alice,arn:aws:iam::123456789012:user/alice,2026-01-06T10:00:00+00:00,true,2026-02-12T16:45:30+00:00,2026-01-06T10:00:00+00:00,2026-04-06T10:00:00+00:00,true,true,2026-01-06T10:05:00+00:00,2026-02-11T13:20:00+00:00,eu-west-1,ec2,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
            bob,arn:aws:iam::123456789012:user/bob,2026-01-07T11:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-01-07T11:01:00+00:00,2026-02-13T02:00:00+00:00,us-west-2,dynamodb,false,2026-02-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A
            carol,arn:aws:iam::123456789012:user/engineering/carol,2026-02-01T09:00:00+00:00,true,no_information,2026-02-01T09:00:00+00:00,2026-05-02T09:00:00+00:00,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A

            """
        #expect(CredentialReport.csv(try Self.messyAccount()) == expected)
    }

    @Test("every line has 22 fields and the report ends with one line break")
    func shape() throws {
        let csv = CredentialReport.csv(try Self.messyAccount())
        #expect(
            csv.hasSuffix(
                "2026-05-02T09:00:00+00:00,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"))
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        #expect(lines.last == "")
        for line in lines.dropLast() {
            #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == 22, "\(line)")
        }
    }

    @Test("an empty account is the header alone")
    func headerOnly() {
        #expect(CredentialReport.csv([]) == Self.header + "\n")
    }

    @Test("root without a password says N/A, never no_information")
    func rootWithoutPassword() throws {
        let root = CredentialReportEntry(
            isRoot: true, user: "", arn: "arn:aws:iam::123456789012:root",
            creationTime: try Self.date("2026-01-05T09:00:00Z"), hasPassword: false)
        #expect(
            Array(CredentialReport.fields(root)[3...6]) == ["not_supported", "N/A", "not_supported", "not_supported"])
    }

    @Test("a key used without a recorded region or service prints N/A for them")
    func usedWithoutRegion() throws {
        let key = CredentialReportEntry.AccessKey(
            active: true, lastRotated: try Self.date("2026-01-05T09:00:00Z"),
            lastUsedDate: try Self.date("2026-01-06T09:00:00Z"), lastUsedService: "s3")
        #expect(
            CredentialReport.keyFields(key)
                == ["true", "2026-01-05T09:00:00+00:00", "2026-01-06T09:00:00+00:00", "N/A", "s3"])
    }

    @Test(
        "fields with commas, quotes or line breaks are quoted per RFC 4180",
        arguments: [
            ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rlf", "\"cr\rlf\""),
        ])
    func escaping(field: String, expected: String) {
        #expect(CredentialReport.escape(field) == expected)
    }

    // MARK: Cross-check with Python's csv module

    /// `python3` on the PATH, when there is one: the cross-check is skipped without it.
    static let python: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Python's reading of `csv`, row by row.
    static func pythonRows(_ csv: String, python: URL) throws -> [[String]] {
        let script = """
            import csv, io, json, sys
            rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")))
            sys.stdout.write(json.dumps(rows))
            """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(csv.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    @Test(
        "Python's csv module reads the report back field for field",
        .enabled(if: CredentialReportTests.python != nil, "needs python3"))
    func pythonReadsIt() throws {
        let python = try #require(Self.python)
        var entries = try Self.messyAccount()
        // A hostile ARN, impossible in IAM, to prove the quoting round-trips.
        entries.append(
            CredentialReportEntry(
                user: "dave", arn: "arn:aws:iam::123456789012:user/odd,\"path\"\nline/dave",
                creationTime: try Self.date("2026-02-02T00:00:00Z"), hasPassword: false))
        let rows = try Self.pythonRows(CredentialReport.csv(entries), python: python)
        #expect(rows == [CredentialReport.columns] + entries.map(CredentialReport.fields))
        #expect(rows.allSatisfy { $0.count == 22 })
    }
}
