import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// The event log, read back: the simulator's CloudTrail (`EventLog.append` writes it, inside
/// the transaction of each change). Reads: they leave no event.
///
/// Any method may also throw what the database fails with: `DatabaseFileError` (busy, damaged,
/// inaccessible) or `ServiceFailure`; each method's `- Throws:` lists the rest.
public struct EventLogReader: Sendable {
    let environment: StoreEnvironment

    public init(_ environment: StoreEnvironment) {
        self.environment = environment
    }

    /// Which events to list.
    @MemberwiseInit
    public struct Filter: Sendable {
        public var account: AccountID?
        /// Events at or after this time.
        public var since: Date?
        /// Events at or before this time.
        public var until: Date?
        /// The acting identity: an ARN, a user name, or `root`.
        public var identity: String?
        /// The event name, such as `ConsoleLogin` (case-insensitive).
        public var action: String?
        /// At most this many, the newest.
        public var limit: Int = 100
    }

    /// The newest `limit` events of `account` (nil: of the whole database), oldest first.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func events(account: AccountID?, limit: Int = 100) throws -> [Event] {
        try events(Filter(account: account, limit: limit))
    }

    /// The newest events matching `filter`, oldest first. A read: it leaves no event.
    ///
    /// - Throws: only a database failure: `DatabaseFileError` (busy, damaged, inaccessible) or `ServiceFailure`.
    public func events(_ filter: Filter) throws -> [Event] {
        try environment.reading { db in
            // Plain SQL, built condition by condition.
            var conditions: [String] = []
            var arguments = StatementArguments()
            if let account = filter.account {
                // Simulator-wide events (the clock, sign-ins naming no known account) belong to
                // every account's timeline.
                conditions.append("(accountId = ? OR accountId IS NULL)")
                arguments += [account.rawValue]
            }
            if let since = filter.since {
                conditions.append("eventTime >= ?")
                arguments += [since.stored]
            }
            if let until = filter.until {
                conditions.append("eventTime <= ?")
                arguments += [until.stored]
            }
            if let action = filter.action {
                conditions.append("eventName = ? COLLATE NOCASE")
                arguments += [action]
            }
            if let identity = filter.identity {
                // An ARN as is; `root` for the root user; otherwise a user name (any path).
                if identity.hasPrefix("arn:") {
                    conditions.append("actorArn = ?")
                    arguments += [identity]
                } else if identity.lowercased() == "root" {
                    conditions.append("actorArn LIKE '%:root'")
                } else {
                    let name = Self.likeEscaped(identity)
                    conditions.append("(actorArn LIKE ? ESCAPE '\\' OR actorArn LIKE ? ESCAPE '\\')")
                    arguments += ["%:user/" + name, "%:user/%/" + name]
                }
            }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            arguments += [filter.limit]
            let newestFirst = try Row.fetchAll(
                db, sql: "SELECT * FROM event" + whereClause + " ORDER BY id DESC LIMIT ?", arguments: arguments)
            return try newestFirst.reversed().map { try EventRecord(row: $0).event }
        }
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
