import Foundation
import IAMSimCore
import Testing

/// The one ISO 8601 parser behind `clock set`, `events --since/--until` and fixture dates: it
/// accepts exactly the documented forms and refuses everything else, rather than keeping a
/// different time than the one typed, or one the database cannot read back.
@Suite("Timestamps typed by people")
struct TimestampTests {
    static let start: TimeInterval = 1_767_605_405  // 2026-01-05T09:30:05Z

    @Test(
        "the documented forms parse to the instant they name",
        arguments: [
            ("2026-01-05T09:30:05Z", start),
            ("2026-01-05T10:30:05+01:00", start),
            ("2026-01-05T04:00:05-05:30", start),
            ("2026-01-05T09:30:05.000Z", start),
            ("2026-01-05T09:30:05.5Z", start + 0.5),
            ("2026-01-05T09:30:05.123456789+00:00", start + 0.123456789),
            ("2026-01-05T09:30:05", start),  // no zone: UTC
            ("2026-01-05T09:30Z", start - 5),
            ("2026-01-05T09:30", start - 5),
            ("2026-01-05", 1_767_571_200),  // a bare date: midnight UTC
            ("2026-01-05T00:30:00+01:00", 1_767_569_400),  // the day before, in UTC
            ("2024-02-29T00:00:00Z", 1_709_164_800),  // a leap year
            ("2000-02-29", 951_782_400),  // divisible by 400: a leap year
            ("1970-01-01T00:00:00Z", 0),  // the earliest
            ("9999-12-31T23:59:59Z", 253_402_300_799),  // the latest
        ] as [(String, TimeInterval)])
    func accepted(text: String, seconds: TimeInterval) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 1e-6)
    }

    @Test(
        "anything else is refused, never kept as another time",
        arguments: [
            "2026-01-05xyz", "2026-01-05T09:00:00Zjunk", "2026-01-05T09:00:00+01:00:00",
            "2026-02-29T00:00:00Z", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
            "2024-02-29T23:59:60Z", "2026-01-05T24:00:00Z", "2026-01-05T09:60:00Z", "2026-01-05T09:00:00+24:00",
            "10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59-01:00", "1970-01-01T00:30:00+01:00",
            "2026-01-05T09:00:00+0100", "2026-01-05T09:00:00+01", "2026-01-05 09:00:00Z", "2026-01-05t09:00:00z",
            "2026-1-5", "26-01-05", "+2026-01-05", "2026-01-05Z", "2026-01-05T", "2026-01-05T09",
            "2026-01-05T09:00:00.Z",
            "2026-01-05T09:00:00.1234567890Z", "", "yesterday", "1767605405",
        ])
    func refused(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
