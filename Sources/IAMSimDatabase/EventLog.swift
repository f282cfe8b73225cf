import Foundation
import GRDB
import IAMSimCore

/// Appends to the event log. Every write goes through here, inside the transaction of the
/// change it records, so a change and its event commit or roll back together.
package enum EventLog {
    /// Appends one event; returns its id.
    ///
    /// - Parameter rootKeyStatus: for `DeleteAccessKey` of a root access key, the key's status
    ///   when it was deleted (the lesson's evidence that it was deactivated first).
    @discardableResult
    package static func append(
        _ db: Database, name: IAMAction, time: Date, account: AccountID? = nil, actor: String? = nil,
        outcome: Event.Outcome = .success, error: IAMError? = nil, mfaUsed: Bool? = nil, resource: String?,
        rootKeyStatus: AccessKeyStatus? = nil
    ) throws -> Int64 {
        // Plain SQL rather than `EventRecord.insert`: every command appends an event, and the
        // record's encoder and GRDB's schema lookup each instantiate generic types on first
        // use, at a measured 0.1 ms each (docs/performance.md).
        try db.execute(
            sql: """
                INSERT INTO event
                    (accountId, eventTime, eventName, actorArn, outcome, errorCode, errorMessage, mfaUsed, resource,
                     rootKeyStatus)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                account?.rawValue, time.stored, name.name, actor, outcome.rawValue, error?.code, error?.message,
                mfaUsed,
                resource, rootKeyStatus?.rawValue,
            ])
        return db.lastInsertedRowID
    }
}
