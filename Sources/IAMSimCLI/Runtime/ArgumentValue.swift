import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore

/// Option and argument values that iamsim checks while it parses the command line, so that a
/// value it cannot use is a usage error (exit 64, ArgumentParser's `The value 'X' is invalid
/// for '<name>': reason`) before any command runs, never an error from the service.
enum ArgumentValue {
    /// A duration such as `30s` or `1h30m` (`ClockDuration`).
    @Sendable static func duration(_ text: String) throws -> ClockDuration {
        do {
            return try ClockDuration(parsing: text)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// An ISO 8601 time in one of the forms `Timestamp.parsing(_:)` documents.
    @Sendable static func time(_ text: String) throws -> Date {
        do {
            return try Timestamp.parsing(text)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// An ISO 8601 time, or an age on iamsim's clock such as `30m`.
    @Sendable static func timeOrAge(_ text: String) throws -> TimeBound {
        // A time starts with a four-digit year; an age with at most a few digits and a unit.
        if let date = try? Timestamp.parsing(text) { return .time(date) }
        if let age = try? ClockDuration(parsing: text) { return .age(age) }
        let looksLikeTime =
            text.utf8.count >= 5 && text.utf8.prefix(4).allSatisfy { (0x30...0x39).contains($0) }
            && text.utf8.dropFirst(4).first == 0x2D
        if looksLikeTime { _ = try time(text) }
        throw ValidationError(
            "use an ISO 8601 time (" + Timestamp.acceptedForms + ") or an age (" + ClockDuration.acceptedForms + ").")
    }

    /// A file path: an empty one names no file, and would otherwise fall back silently to a
    /// default.
    @Sendable static func path(_ text: String) throws -> String {
        guard !text.isEmpty else { throw ValidationError("an empty path names no file.") }
        return text
    }
}

/// One end of a time range: a moment, or an age counted back from iamsim's clock.
enum TimeBound: Equatable {
    case time(Date)
    case age(ClockDuration)

    /// The moment this bound names, given iamsim's time now.
    func date(now: Date) -> Date {
        switch self {
        case .time(let date): date
        case .age(let age): now.addingTimeInterval(-TimeInterval(age.seconds))
        }
    }
}
