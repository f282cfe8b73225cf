import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// `GenerateCredentialReport`'s answer.
public struct CredentialReportGeneration: Hashable, Sendable {
    /// `STARTED` when a new report was made, `COMPLETE` when the last one is still recent.
    public var state: String
    public var description: String?
}

/// `GetCredentialReport`'s answer.
public struct StoredCredentialReport: Hashable, Sendable {
    public var content: String
    public var generatedTime: Date
}

extension IAMStore {
    // MARK: - Credential report

    /// How long a report stands before `GenerateCredentialReport` makes a new one (AWS: 4 hours).
    public static let credentialReportLifetime: TimeInterval = 4 * 3_600

    /// `GenerateCredentialReport`: a new report of every identity's credentials, unless the last
    /// one is less than four hours old (on iamsim's clock), as in AWS. Generation completes at
    /// once, so `STARTED` is followed by a report that can be read straight away.
    ///
    /// - Throws: `AccessDenied` for an IAM user (only root reads the whole account), or a console caller
    ///   not signed in.
    public func generateCredentialReport(caller: Caller) throws -> CredentialReportGeneration {
        try environment.perform(.generateCredentialReport, caller: caller, resource: nil) { db, principal, now in
            try Permissions.authorizeAdministration(principal, .generateCredentialReport, resource: "*")
            let account = principal.accountID
            let last = try CredentialReportRecord.find(db, key: account.rawValue)?.generatedTime
            if let last, now.timeIntervalSince(last) < Self.credentialReportLifetime {
                return CredentialReportGeneration(state: "COMPLETE", description: nil)
            }
            let content = CredentialReport.csv(try credentialReportEntries(account, now: now, db))
            try CredentialReportRecord(accountId: account.rawValue, generatedTime: now, content: content)
                .insert(db, onConflict: .replace)
            return CredentialReportGeneration(
                state: "STARTED",
                description: last == nil
                    ? "No report exists. Starting a new report generation task"
                    : "The last report is more than 4 hours old. Starting a new report generation task")
        }
    }

    /// `GetCredentialReport`: the last report generated.
    ///
    /// - Throws: `ReportNotPresent` before the first `GenerateCredentialReport`.
    public func getCredentialReport(caller: Caller) throws -> StoredCredentialReport {
        try environment.perform(.getCredentialReport, caller: caller, resource: nil) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .getCredentialReport, resource: "*")
            guard let report = try CredentialReportRecord.find(db, key: principal.accountID.rawValue) else {
                throw IAMError.credentialReportNotPresent
            }
            return StoredCredentialReport(content: report.content, generatedTime: report.generatedTime)
        }
    }

    /// One entry per identity: root first, then users by name.
    func credentialReportEntries(_ accountID: AccountID, now: Date, _ db: Database) throws -> [CredentialReportEntry] {
        let account = try AccountRecord.existing(accountID, db)
        let policy = try PasswordPolicyRecord.policy(of: accountID, db)
        func keys(_ owner: OwnerKey) throws -> [CredentialReportEntry.AccessKey] {
            try AccessKeyRecord.owned(by: owner, db).prefix(2).map {
                CredentialReportEntry.AccessKey(
                    active: $0.status == .active, lastRotated: $0.createDate, lastUsedDate: $0.lastUsedDate,
                    lastUsedRegion: $0.lastUsedRegion, lastUsedService: $0.lastUsedService)
            }
        }
        func mfaActive(_ owner: OwnerKey) throws -> Bool {
            try MFADeviceRecord.count(assignedTo: owner, db) > 0
        }
        let root = OwnerKey(.root(accountID))
        var entries = [
            CredentialReportEntry(
                isRoot: true, user: CredentialReport.rootUserName, arn: accountID.rootARN,
                creationTime: account.createDate,
                hasPassword: true, passwordLastUsed: account.rootPasswordLastUsed, mfaActive: try mfaActive(root),
                accessKeys: try keys(root))
        ]
        let users = try UserRecord.fetchAll(
            db, sql: "SELECT * FROM iamUser WHERE accountId = ? ORDER BY userName COLLATE NOCASE",
            arguments: [accountID.rawValue])
        for user in users {
            let owner = OwnerKey(accountId: user.accountId, userId: user.id)
            let profile = try LoginProfileRecord.find(db, key: user.id)
            entries.append(
                CredentialReportEntry(
                    user: user.userName, arn: user.user.arn, creationTime: user.createDate, hasPassword: profile != nil,
                    passwordLastUsed: user.passwordLastUsed, passwordLastChanged: profile?.passwordLastChanged,
                    passwordNextRotation: profile.flatMap { policy?.nextRotation(afterChange: $0.passwordLastChanged) },
                    mfaActive: try mfaActive(owner), accessKeys: try keys(owner)))
        }
        return entries
    }
}
