import IAMSimMacros

/// A duration typed by a person: `30s`, `2m`, `1h`, `1d`, or combinations like `1h30m`.
@MemberwiseInit
public struct ClockDuration: Equatable, Sendable, CustomStringConvertible {
    public let seconds: Int64

    /// How to spell a duration, for help texts and error messages.
    public static let acceptedForms = "a number with a unit (30s, 2m, 1h, 1d) or a mix like 1h30m, at most 100 years"

    /// Parses `30s`, `2m`, `1h`, `1d`, `1h30m`; a bare number means seconds.
    ///
    /// - Throws: `LocalError.invalidValue` whose message is the reason, without the text itself
    ///   (a duration is iamsim's, never AWS's).
    public init(parsing text: String) throws(LocalError) {
        let invalid = LocalError.invalidValue("not a duration; use " + Self.acceptedForms + ".")
        var total: Int64 = 0
        var number: Int64?
        var sawUnit = false
        for char in text.lowercased() {
            if let digit = char.wholeNumberValue, char.isASCII {
                let (times, overflowTimes) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) = times.addingReportingOverflow(Int64(digit))
                guard !overflowTimes, !overflowSum else { throw invalid }
                number = sum
                continue
            }
            let unit: Int64
            switch char {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3_600
            case "d": unit = 86_400
            default: throw invalid
            }
            guard let value = number else { throw invalid }
            let (product, overflow) = value.multipliedReportingOverflow(by: unit)
            guard !overflow else { throw invalid }
            total += product
            number = nil
            sawUnit = true
        }
        if let trailing = number {
            guard !sawUnit else { throw invalid }
            total = trailing
        } else if !sawUnit {
            throw invalid
        }
        // A century is far beyond any lesson; the bound keeps Date arithmetic exact.
        guard total <= 100 * 365 * 86_400 else { throw invalid }
        seconds = total
    }

    /// `1h30m`, `30s`, `0s`.
    public var description: String {
        guard seconds > 0 else { return "0s" }
        var rest = seconds
        var parts: [String] = []
        for (unit, suffix) in [(Int64(86_400), "d"), (3_600, "h"), (60, "m"), (1, "s")] where rest >= unit {
            parts.append("\(rest / unit)\(suffix)")
            rest %= unit
        }
        return parts.joined()
    }
}
