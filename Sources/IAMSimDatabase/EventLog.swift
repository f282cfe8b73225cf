import Foundation
import GRDB
import IAMSimCore
import IAMSimMacros

/// Appends to the event log. Every write goes through here, inside the transaction of the
/// change it records, so a change and its event commit or roll back together.
package enum EventLog {
    /// Who made a call and from where, as CloudTrail records it beside the identity: the
    /// request's origin (`sourceIPAddress`, `userAgent`), the access key that signed it, and
    /// for temporary credentials whether MFA authenticated them.
    @MemberwiseInit
    package struct Request: Sendable {
        package var origin: RequestOrigin
        package var accessKeyID: String?
        /// Nil for long-term keys (CloudTrail then has no `sessionContext`).
        package var mfaAuthenticated: Bool?
    }

    /// Appends one event; returns its id.
    ///
    /// - Parameters:
    ///   - actor: the acting identity's ARN; its `userIdentity.type` (`Root`, `IAMUser`) is
    ///     recorded with it.
    ///   - rootKeyStatus: for `DeleteAccessKey` of a root access key, the key's status when it
    ///     was deleted (the lesson's evidence that it was deactivated first).
    ///   - request: who made the call and from where; nil for the simulator's own actions.
    ///   - source: the event source, when not the action's own (`IAMAction.eventSource`).
    @discardableResult
    package static func append(
        _ db: Database, name: IAMAction, time: Date, account: AccountID? = nil, actor: String? = nil,
        outcome: Event.Outcome = .success, error: IAMError? = nil, mfaUsed: Bool? = nil, resource: String?,
        rootKeyStatus: AccessKeyStatus? = nil, request: Request? = nil, source: IAMAction.Service? = nil
    ) throws -> Int64 {
        // Plain SQL rather than `EventRecord.insert`: every command appends an event, and the
        // record's encoder and GRDB's schema lookup each instantiate generic types on first
        // use, at a measured 0.1 ms each (docs/performance.md). Compiled once per connection:
        // the server appends an event for nearly every request.
        try db.cachedStatement(
            sql: """
                INSERT INTO event
                    (accountId, eventTime, eventName, actorArn, outcome, errorCode, errorMessage, mfaUsed, resource,
                     rootKeyStatus, eventSource, userIdentityType, accessKeyId, sourceIPAddress, userAgent,
                     mfaAuthenticated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                account?.rawValue, time.stored, name.name, actor, outcome.rawValue, error?.code, error?.message,
                mfaUsed, resource, rootKeyStatus?.rawValue, (source ?? name.eventSource).rawValue,
                actor.flatMap(Principal.typeName(ofARN:)), request?.accessKeyID, request?.origin.sourceIPAddress,
                request?.origin.userAgent, request?.mfaAuthenticated,
            ])
        return db.lastInsertedRowID
    }
}
