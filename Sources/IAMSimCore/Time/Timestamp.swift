import Foundation

/// The two timestamp spellings AWS uses, computed without locale or time-zone surprises.
public enum Timestamp {
    /// `2026-11-29T00:25:32+00:00`, as the aws CLI prints dates and the credential report stores them.
    public static func iso8601(_ date: Date) -> String {
        let c = components(date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d+00:00", c.year, c.month, c.day, c.hour, c.minute, c.second)
    }

    /// `2026-11-29 00:25:32 UTC`, for people reading tables.
    public static func readable(_ date: Date) -> String {
        let c = components(date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d UTC", c.year, c.month, c.day, c.hour, c.minute, c.second)
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

    /// `date` without its fraction of a second: AWS timestamps are whole seconds.
    public static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    private struct Parts {
        var year, month, day, hour, minute, second: Int
    }

    private static func components(_ date: Date) -> Parts {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return Parts(
            year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0,
            minute: c.minute ?? 0, second: c.second ?? 0)
    }
}
