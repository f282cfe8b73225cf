import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase

extension Simulator {
    /// A fresh, empty simulator on an in-memory database: a fixed wall clock at
    /// `TestValues.start`, randomness seeded with `seed`, and the cheap password hash, unless
    /// told otherwise.
    public static func inMemory(
        seed: UInt64 = 1, wallClock: WallClock = .fixed(TestValues.start),
        hasher: PasswordHasher = TestValues.cheapHasher
    ) throws -> Simulator {
        Simulator(database: try AppDatabase.inMemory(), wallClock: wallClock, random: .seeded(seed), hasher: hasher)
    }
}
