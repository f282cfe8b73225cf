import Foundation
import GRDB
import IAMSimCore
import IAMSimMacros

/// The clock every part of the simulator reads, one per account: real time, or a simulated
/// time stored in the database so that every process (console, authenticator, sessions,
/// events) agrees on the account's time.
///
/// A simulated clock stands still until it is moved: a trainee's codes change only when the
/// lesson advances time, which keeps steps and tests reproducible. Each account has its own
/// clock, so in a classroom one trainee stopping or moving their clock never changes anyone
/// else's codes or sessions; an instructor moves every account at once with `Scope.all`.
@MemberwiseInit
public struct SimulationClock: Sendable {
    /// Whether time is real or simulated, and what time it is.
    public enum Reading: Equatable, Sendable {
        case real(Date)
        case simulated(Date)

        public var date: Date {
            switch self {
            case .real(let date), .simulated(let date): date
            }
        }

        public var isSimulated: Bool {
            if case .simulated = self { return true }
            return false
        }
    }

    /// Which accounts' clocks a change moves.
    public enum Scope: Hashable, Sendable {
        /// One account's clock.
        case account(AccountID)
        /// Every account in the database (an instructor moving the whole class).
        case all
    }

    package let database: AppDatabase
    /// Real time, read only through here (and only when a clock is not simulated).
    let wallClock: WallClock

    // MARK: - Reads

    /// The current reading of `account`'s clock.
    public func read(account: AccountID) throws -> Reading {
        try database.read { db in try reading(db, account: account) }
    }

    /// The current reading of every account's clock, in account creation order.
    public func readAll() throws -> [(account: AccountID, reading: Reading)] {
        try database.read { db in
            let stored = try simulatedTimes(db)
            let ids: [String] = try db.firstColumn("SELECT id FROM account ORDER BY rowid")
            return ids.map { id in
                (AccountID(known: id), stored[id].map(Reading.simulated) ?? .real(realNow()))
            }
        }
    }

    /// The current reading of `account`'s clock, inside a transaction the caller already holds.
    /// Without an account (an event about no known account), real time.
    package func reading(_ db: Database, account: AccountID?) throws -> Reading {
        guard let account else { return .real(realNow()) }
        // A plain row: every command reads the clock (see AppDatabase.migrate).
        // A stored time that is not a date is a damaged database, not a reason to go back to
        // real time without a word.
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT time FROM simulatedClock WHERE accountId = ?"),
            arguments: [account.rawValue])
        {
            return .simulated(try row.storedDate("time"))
        }
        return .real(realNow())
    }

    /// `account`'s current time, in whole seconds as AWS records it, inside a transaction the
    /// caller already holds.
    package func now(_ db: Database, account: AccountID?) throws -> Date {
        try reading(db, account: account).date
    }

    /// `account`'s current time, in whole seconds.
    public func now(account: AccountID) throws -> Date {
        try read(account: account).date
    }

    /// Real time, in whole seconds.
    public func realNow() -> Date {
        Timestamp.wholeSeconds(wallClock.now())
    }

    /// The simulated time of every account whose clock is simulated, by account id.
    package func simulatedTimes(_ db: Database) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT accountId, time FROM simulatedClock") {
            times[try row.value("accountId")] = try row.storedDate("time")
        }
        return times
    }

    // MARK: - Writes

    /// Stops the clocks of `scope` at `date`; returns each account's new reading.
    ///
    /// - Throws: `NoSuchEntity` when a named account does not exist; `ValidationError` for a
    ///   time outside `Timestamp.earliest...Timestamp.latest`.
    @discardableResult
    public func set(_ date: Date, _ scope: Scope) throws -> [(account: AccountID, reading: Reading)] {
        let target = Timestamp.wholeSeconds(date)
        return try move(scope) { db, account, previous in
            try EventLog.append(
                db, name: .setClock, time: target, account: account,
                resource: Timestamp.iso8601(previous.date) + " -> " + Timestamp.iso8601(target))
            return target
        }
    }

    /// Moves the clocks of `scope` forward by `duration`; a real clock becomes simulated,
    /// starting from now.
    ///
    /// - Throws: `NoSuchEntity` when a named account does not exist; `ValidationError` when
    ///   that would pass `Timestamp.latest`.
    @discardableResult
    public func advance(by duration: ClockDuration, _ scope: Scope) throws -> [(account: AccountID, reading: Reading)] {
        try move(scope) { db, account, previous in
            let target = previous.date.addingTimeInterval(TimeInterval(duration.seconds))
            try EventLog.append(db, name: .advanceClock, time: target, account: account, resource: duration.description)
            return target
        }
    }

    /// Returns the clocks of `scope` to real time.
    @discardableResult
    public func useRealTime(_ scope: Scope) throws -> [(account: AccountID, reading: Reading)] {
        try database.write { db in
            try accounts(scope, db).map { account in
                try db.execute(sql: "DELETE FROM simulatedClock WHERE accountId = ?", arguments: [account.rawValue])
                let now = realNow()
                try EventLog.append(db, name: .useRealClock, time: now, account: account, resource: nil)
                return (account, .real(now))
            }
        }
    }

    /// Sets each account of `scope` to the time `target` computes from its previous reading,
    /// in one transaction (a whole class moves together or not at all).
    ///
    /// - Throws: `LocalError.invalidValue` for a time the database cannot store and read back
    ///   (outside `Timestamp.earliest...Timestamp.latest`), which would silently turn the
    ///   clock back to real time.
    private func move(
        _ scope: Scope, _ target: (Database, AccountID, Reading) throws -> Date
    ) throws -> [(account: AccountID, reading: Reading)] {
        try database.write { db in
            try accounts(scope, db).map { account in
                let date = try target(db, account, try reading(db, account: account))
                guard date >= Timestamp.earliest, date <= Timestamp.latest else {
                    throw LocalError.invalidValue(
                        "The clock cannot go to \(Timestamp.iso8601(date)): iamsim keeps times from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z."
                    )
                }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO simulatedClock (accountId, time) VALUES (?, ?)",
                    arguments: [account.rawValue, date.stored])
                return (account, .simulated(date))
            }
        }
    }

    private func accounts(_ scope: Scope, _ db: Database) throws -> [AccountID] {
        switch scope {
        case .account(let account):
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM account WHERE id = ?", arguments: [account.rawValue]) != nil
            else { throw LocalError.noSuchAccount(account.rawValue) }
            return [account]
        case .all:
            let ids: [String] = try db.firstColumn("SELECT id FROM account ORDER BY rowid")
            return ids.map(AccountID.init(known:))
        }
    }
}
