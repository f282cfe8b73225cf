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

    /// The earliest time iamsim accepts: the Unix epoch, where TOTP's step counter starts.
    public static let earliest = Date(timeIntervalSince1970: 0)
    /// The latest time iamsim accepts: the last second the database's four-digit years can
    /// hold and read back (9999-12-31T23:59:59Z).
    public static let latest = Date(timeIntervalSince1970: 253_402_300_799)

    /// How to spell a time for `parse(_:)`, for help texts and error messages.
    public static let acceptedForms =
        "YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z, +HH:MM, -HH:MM or nothing (UTC)"

    /// Parses ISO 8601 as `parsing(_:)` does, or nil.
    public static func parse(_ text: String) -> Date? {
        try? parsing(text)
    }

    /// Parses exactly these ISO 8601 forms, and nothing else:
    ///
    /// - `YYYY-MM-DD`: midnight UTC of that day;
    /// - `YYYY-MM-DDTHH:MM`, `…:SS` or `…:SS.fraction` (1 to 9 digits), followed by `Z`,
    ///   an offset `+HH:MM` / `-HH:MM`, or nothing, which means UTC.
    ///
    /// The date must exist (no February 29 outside leap years), hours run 00–23, minutes and
    /// seconds 00–59 (no leap second 60), offsets up to ±23:59, and the instant must lie
    /// between `earliest` and `latest`, which the database stores and reads back. Nothing
    /// may follow. Integer arithmetic only: no `ISO8601DateFormatter`, so no ICU at start-up.
    ///
    /// - Throws: `LocalError.invalidValue` whose message is the reason, such as `February 2026
    ///   has 28 days`, without the text itself.
    public static func parsing(_ text: String) throws(LocalError) -> Date {
        let bytes = Array(text.utf8)
        var index = 0
        func fail(_ reason: String) -> LocalError { .invalidValue(reason) }
        let shape = fail("not an ISO 8601 time; use " + acceptedForms + ", such as 2026-11-29T09:00:00Z.")
        let range = fail("iamsim keeps times from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.")
        func digits(_ count: Int) throws(LocalError) -> Int {
            guard index + count <= bytes.count else { throw shape }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard (0x30...0x39).contains(byte) else { throw shape }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ byte: UInt8) throws(LocalError) {
            guard index < bytes.count, bytes[index] == byte else { throw shape }
            index += 1
        }
        func trailing(_ what: String) -> LocalError {
            fail("unexpected '\(String(decoding: bytes[index...], as: UTF8.self))' after the \(what).")
        }

        let year = try digits(4)
        guard index >= bytes.count || !(0x30...0x39).contains(bytes[index]) else { throw range }
        try expect(0x2D)
        let month = try digits(2)
        try expect(0x2D)
        let day = try digits(2)
        guard (1...12).contains(month) else { throw fail("there is no month \(month); months run 01 to 12.") }
        let monthDays = daysIn(month: month, year: year)
        guard (1...monthDays).contains(day) else {
            throw fail("\(monthNames[month - 1]) \(year) has \(monthDays) days, so there is no day \(day).")
        }
        var secondOfDay = 0
        var fraction = 0.0
        var offset = 0
        if index < bytes.count {
            guard bytes[index] == 0x54 else {
                throw (0x30...0x39).contains(bytes[index]) ? shape : trailing("date")
            }
            index += 1
            let hour = try digits(2)
            try expect(0x3A)
            let minute = try digits(2)
            var second = 0
            if index < bytes.count, bytes[index] == 0x3A {
                index += 1
                second = try digits(2)
                if index < bytes.count, bytes[index] == 0x2E {
                    index += 1
                    var scale = 0.1
                    let start = index
                    while index < bytes.count, (0x30...0x39).contains(bytes[index]), index - start < 9 {
                        fraction += Double(bytes[index] - 0x30) * scale
                        scale /= 10
                        index += 1
                    }
                    guard index > start else { throw shape }
                }
            }
            guard hour <= 23 else { throw fail("there is no hour \(hour); hours run 00 to 23.") }
            guard minute <= 59 else { throw fail("there is no minute \(minute); minutes run 00 to 59.") }
            guard second <= 59 else {
                throw fail("there is no second \(second); seconds run 00 to 59 (iamsim has no leap seconds).")
            }
            secondOfDay = hour * 3_600 + minute * 60 + second
            if index < bytes.count {
                switch bytes[index] {
                case 0x5A:
                    index += 1
                case 0x2B, 0x2D:
                    let sign = bytes[index] == 0x2D ? -1 : 1
                    index += 1
                    let hours = try digits(2)
                    try expect(0x3A)
                    let minutes = try digits(2)
                    guard hours <= 23, minutes <= 59 else {
                        throw fail("the offset must be between -23:59 and +23:59.")
                    }
                    offset = sign * (hours * 3_600 + minutes * 60)
                default:
                    throw trailing("time")
                }
            }
            guard index == bytes.count else { throw trailing("time") }
        }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + secondOfDay - offset
        let date = Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
        guard date >= earliest, date < latest.addingTimeInterval(1) else { throw range }
        return date
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// Days in `month` (1–12) of `year` in the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = year - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
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
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
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
