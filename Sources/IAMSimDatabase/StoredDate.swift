import Foundation
import GRDB
import IAMSimCore

/// A date as the database stores it (`2026-11-29 00:25:32.000`, UTC), converted without ICU.
///
/// GRDB converts `Date` with `DateFormatter` and `Calendar`, whose ICU set-up cost a few
/// milliseconds of every command's start-up (docs/performance.md). The text is GRDB's own
/// format, so stored dates still sort and compare as text.
package struct StoredDate: DatabaseValueConvertible, Sendable {
    package let date: Date

    package init(_ date: Date) {
        self.date = date
    }

    package var databaseValue: DatabaseValue {
        Timestamp.storage(date).databaseValue
    }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredDate? {
        switch dbValue.storage {
        case .string(let text): Timestamp.parseStorage(text).map(StoredDate.init)
        case .int64(let seconds): StoredDate(Date(timeIntervalSince1970: TimeInterval(seconds)))
        case .double(let seconds): StoredDate(Date(timeIntervalSince1970: seconds))
        default: nil
        }
    }
}

extension Optional where Wrapped == Date {
    /// The date for a statement argument, or NULL.
    package var stored: StoredDate? { map(StoredDate.init) }
}

extension Date {
    /// The date for a statement argument.
    package var stored: StoredDate { StoredDate(self) }
}
