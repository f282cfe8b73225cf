import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimMacros

/// The outside world a command runs in: time, randomness and the terminal.
///
/// The executable passes `.live`; the demo and tests pass fixed or seeded parts. This is the
/// only place that reads the system clock or the system's random generator.
@MemberwiseInit
public struct World: Sendable {
    public var wallClock: WallClock
    public var random: RandomSource
    public var console: Console
    public var environment: [String: String]
    public var passwordHasher: PasswordHasher = PasswordHasher()

    /// The real system: wall-clock time, the system's secure random generator, the terminal.
    public static var live: World {
        let environment = ProcessInfo.processInfo.environment
        return World(
            wallClock: .system, random: .system,
            console: .live(environment: environment),
            environment: environment)
    }
}
