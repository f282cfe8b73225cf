import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

/// `GetServiceLastAccessedDetails`' answer: a completed job, which lists no service.
///
/// AWS lists the services the entity's policies allow, each with when it was last accessed.
/// iamsim has no policies, so a job lists none (`services` is empty by its type).
public struct ServiceLastAccessedReport: Hashable, Sendable {
    /// `SERVICE_LEVEL` or `ACTION_LEVEL`, the job's `Granularity`.
    public var jobType: String
    public var jobCreationDate: Date
    /// A job completes when it is created.
    public var jobCompletionDate: Date
    public var services: [Never] { [] }
}

extension IAMStore {
    // MARK: - Service last accessed

    /// The granularities a job may have (`AccessAdvisorUsageGranularityType`).
    static let lastAccessedGranularities = ["SERVICE_LEVEL", "ACTION_LEVEL"]

    /// `GenerateServiceLastAccessedDetails`: starts a job reporting on the user or group `arn`
    /// of the caller's account, and returns its `JobId`. The job completes at once, so
    /// `GetServiceLastAccessedDetails` answers `COMPLETED` from its first call (Prowler polls
    /// without pause until it does).
    ///
    /// - Parameter granularity: `SERVICE_LEVEL` (the default) or `ACTION_LEVEL`.
    /// - Throws: `NoSuchEntity` for an ARN that names no user or group of the account (it has
    ///   no roles or policies); `NotImplemented` for an AWS managed policy; `AccessDenied` for
    ///   an IAM user.
    public func generateServiceLastAccessedDetails(caller: Caller, arn: String, granularity: String?) throws -> String {
        let jobID = secrets.jobID()
        return try environment.perform(.generateServiceLastAccessedDetails, caller: caller, resource: arn) {
            db, principal, now in
            try Permissions.authorizeAdministration(principal, .generateServiceLastAccessedDetails, resource: arn)
            let granularity = granularity ?? "SERVICE_LEVEL"
            guard Self.lastAccessedGranularities.contains(granularity) else {
                throw IAMError.invalidInput("Granularity \(granularity) is not valid.")
            }
            if arn.hasPrefix(Self.awsManagedPolicyPrefix) {
                throw IAMError.notImplemented(
                    "iamsim does not simulate AWS managed policies, so GenerateServiceLastAccessedDetails cannot "
                        + "report on \(arn). See docs/api.md for the actions iamsim answers.")
            }
            guard try entityExists(arn: arn, in: principal.accountID, db) else {
                throw IAMError.noSuchEntity("The entity \(arn) cannot be found.")
            }
            try ServiceLastAccessedJobRecord(
                id: jobID, accountId: principal.accountID.rawValue, arn: arn, granularity: granularity,
                createDate: now
            ).insert(db)
            return jobID
        }
    }

    /// `GetServiceLastAccessedDetails`: the job `jobID` of the caller's account, `COMPLETED`.
    ///
    /// - Throws: `NoSuchEntity` for a job the account did not start; `ValidationError` for any
    ///   marker (the list is empty); `AccessDenied` for an IAM user.
    public func getServiceLastAccessedDetails(caller: Caller, jobID: String, page: PageRequest? = nil) throws
        -> ServiceLastAccessedReport
    {
        try environment.perform(.getServiceLastAccessedDetails, caller: caller, resource: jobID) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .getServiceLastAccessedDetails, resource: "*")
            guard let job = try ServiceLastAccessedJobRecord.find(db, key: jobID),
                job.accountId == principal.accountID.rawValue
            else {
                throw IAMError.noSuchEntity("The job with id \(jobID) cannot be found.")
            }
            _ = try Self.emptyPage(page)
            return ServiceLastAccessedReport(
                jobType: job.granularity, jobCreationDate: job.createDate, jobCompletionDate: job.createDate)
        }
    }

    /// Whether `arn` is the ARN of a user or a group of `account`, path included.
    func entityExists(arn: String, in account: AccountID, _ db: Database) throws -> Bool {
        let prefix = "arn:aws:iam::\(account.rawValue):"
        guard arn.hasPrefix(prefix), let name = arn.split(separator: "/").last.map(String.init) else { return false }
        let resource = arn.dropFirst(prefix.count)
        if resource.hasPrefix("user/") {
            return try UserRecord.named(name, in: account.rawValue, db)?.user.arn == arn
        }
        if resource.hasPrefix("group/") {
            return try GroupRecord.named(name, in: account.rawValue, db)?.group.arn == arn
        }
        return false
    }
}
