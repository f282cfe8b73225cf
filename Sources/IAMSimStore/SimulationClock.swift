import Foundation
import GRDB
import IAMSimCore

/// The one clock every part of the simulator reads: real time, or a simulated time stored in
/// the database so that every process (console, authenticator, sessions, events) agrees.
///
/// A simulated clock stands still until it is moved: a trainee's codes change only when the
/// lesson advances time, which keeps steps and tests reproducible.
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

    let writer: any DatabaseWriter
    let wallClock: WallClock

    public init(writer: any DatabaseWriter, wallClock: WallClock) {
        self.writer = writer
        self.wallClock = wallClock
    }

    // MARK: - Reads

    /// The current reading.
    public func read() throws -> Reading {
        try translated { try writer.read { db in try reading(db) } }
    }

    /// The current time, in whole seconds as AWS records it.
    public func now() throws -> Date {
        try read().date
    }

    /// The current reading, inside a transaction the caller already holds.
    public func reading(_ db: Database) throws -> Reading {
        // A plain row: every command reads the clock (see IAMSimDatabase.migrate).
        // A stored time that is not a date is a damaged database, not a reason to go back to
        // real time without a word.
        if let row = try Row.fetchOne(db, sql: "SELECT time FROM simulatedClock WHERE id = 1") {
            return .simulated(try row.storedDate("time"))
        }
        return .real(Timestamp.wholeSeconds(wallClock.now()))
    }

    /// The current time, inside a transaction the caller already holds.
    public func now(_ db: Database) throws -> Date {
        try reading(db).date
    }

    // MARK: - Writes

    /// Switches to simulated time at `date`.
    @discardableResult
    public func set(_ date: Date) throws -> Reading {
        try translated {
            try writer.write { db in
                let previous = try reading(db)
                let target = Timestamp.wholeSeconds(date)
                try store(target, db)
                try EventLog.append(
                    db, name: "SetClock", time: target, resource: Timestamp.iso8601(previous.date) + " -> " + Timestamp.iso8601(target))
                return .simulated(target)
            }
        }
    }

    /// Moves time forward by `duration`; a real clock becomes simulated, starting from now.
    @discardableResult
    public func advance(by duration: ClockDuration) throws -> Reading {
        try translated {
            try writer.write { db in
                let target = try now(db).addingTimeInterval(TimeInterval(duration.seconds))
                try store(target, db)
                try EventLog.append(db, name: "AdvanceClock", time: target, resource: duration.description)
                return .simulated(target)
            }
        }
    }

    /// Returns to real time.
    @discardableResult
    public func useRealTime() throws -> Reading {
        try translated {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM simulatedClock")
                let reading = try reading(db)
                try EventLog.append(db, name: "UseRealClock", time: reading.date, resource: nil)
                return reading
            }
        }
    }

    /// Runs `body`, reporting database failures as the store does (`IAMSimDatabase.failure`).
    private func translated<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw IAMSimDatabase.failure(error, path: writer.path)
        }
    }

    private func store(_ date: Date, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO simulatedClock (id, time) VALUES (1, ?)", arguments: [date.stored])
    }
}
