import Foundation
import IAMSimCore

// The real world, as the front ends' executables pass it in (the CLI's `World.live`, the
// server's `ServerMain`): one definition of each, so that every front end reads the same clock
// and draws its secrets from the same source. Nothing below the front ends uses these.

extension WallClock {
    /// The system's time.
    public static var system: WallClock { WallClock { Date() } }
}

extension RandomSource {
    /// The system's secure random generator: every id, secret, seed and salt of a real run.
    public static var system: RandomSource {
        RandomSource { buffer in
            var generator = SystemRandomNumberGenerator()
            for index in buffer.indices { buffer[index] = generator.next() }
        }
    }
}
