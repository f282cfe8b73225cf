import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase

extension Simulator {
    /// A fresh, empty simulator on an in-memory database: a fixed wall clock at
    /// `TestValues.start`, randomness seeded with `seed`, the cheap password hash and AWS's
    /// MFA code rules, unless told otherwise.
    public static func inMemory(
        seed: UInt64 = 1, wallClock: WallClock = .fixed(TestValues.start),
        hasher: PasswordHasher = TestValues.cheapHasher, codePolicy: MFACodePolicy = .strict
    ) throws -> Simulator {
        Simulator(
            database: try AppDatabase.inMemory(), wallClock: wallClock, random: .seeded(seed), hasher: hasher,
            codePolicy: codePolicy)
    }
}
