import Foundation

/// The real world's time, injected so tests can fix it.
///
/// Core and Store never read the system clock; the front end passes one in.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The current instant.
    public func now() -> Date { read() }

    /// A clock that always answers `date`.
    public static func fixed(_ date: Date) -> WallClock {
        WallClock { date }
    }
}
