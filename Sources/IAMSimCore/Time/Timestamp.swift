import Foundation

/// The two timestamp spellings AWS uses, computed without locale or time-zone surprises.
public enum Timestamp {
    /// `2026-11-29T00:25:32+00:00`, as the aws CLI prints dates and the credential report stores them.
    public static func iso8601(_ date: Date) -> String {
        let c = components(date)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))+00:00"
    }

    /// `2026-11-29 00:25:32 UTC`, for people reading tables.
    public static func readable(_ date: Date) -> String {
        let c = components(date)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) UTC"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Parses ISO-8601 as people type it: `2026-11-29T10:00:00Z`, `…+02:00`, with or without
    /// fractional seconds, or a bare date `2026-11-29` (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// `2026-11-29 00:25:32.000`: how dates are stored in the database (GRDB's own text
    /// format, so that stored dates sort and compare as text), written without ICU.
    public static func storage(_ date: Date) -> String {
        let c = components(date)
        let milliseconds = Int((date.timeIntervalSince1970 * 1_000).rounded(.down)) % 1_000
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))."
            + pad((milliseconds + 1_000) % 1_000, 3)
    }

    /// Parses the stored form (`YYYY-MM-DD`, optionally ` HH:MM`, `:SS`, `.SSS`; `T` accepted
    /// for the space), as UTC.
    public static func parseStorage(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0, 4), let month = number(5, 2),
            let day = number(8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var milliseconds = 0
        if bytes.count > 10 {
            guard bytes[10] == 0x20 || bytes[10] == 0x54, let h = number(11, 2), bytes.count >= 16, bytes[13] == 0x3A,
                let m = number(14, 2)
            else { return nil }
            (hour, minute) = (h, m)
            if bytes.count > 16 {
                guard bytes[16] == 0x3A, let s = number(17, 2) else { return nil }
                second = s
                if bytes.count > 19 {
                    guard bytes[19] == 0x2E, bytes.count > 20 else { return nil }
                    var fraction = 0
                    var scale = 1_000
                    for byte in bytes[20...] {
                        guard (0x30...0x39).contains(byte) else { return nil }
                        if scale > 1 {
                            scale /= 10
                            fraction += Int(byte - 0x30) * scale
                        }
                    }
                    milliseconds = fraction
                }
            }
        }
        // Days from the civil date (Howard Hinnant's days_from_civil).
        let y = year - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(milliseconds) / 1_000)
    }

    /// `date` without its fraction of a second: AWS timestamps are whole seconds.
    public static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    private struct Parts {
        var year, month, day, hour, minute, second: Int
    }

    /// The UTC calendar fields of `date`, by integer arithmetic (Howard Hinnant's
    /// civil-from-days): no Calendar, so no ICU is loaded, which keeps command start-up fast.
    private static func components(_ date: Date) -> Parts {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Parts(
            year: Int(year), month: Int(month), day: Int(day), hour: secondOfDay / 3_600,
            minute: secondOfDay % 3_600 / 60, second: secondOfDay % 60)
    }
}
