import Foundation
import IAMSimCLI
import IAMSimCore

extension World {
    /// A world for commands run in process: `console` instead of the terminal, a fixed wall
    /// clock at `TestValues.start`, seeded randomness and the cheap password hash unless told
    /// otherwise, and only the environment given.
    public static func scripted(
        _ console: Console, environment: [String: String] = [:], wallClock: WallClock = .fixed(TestValues.start),
        random: RandomSource = .seeded(1), passwordHasher: PasswordHasher = TestValues.cheapHasher
    ) -> World {
        World(
            wallClock: wallClock, random: random, console: console, environment: environment,
            passwordHasher: passwordHasher)
    }
}
