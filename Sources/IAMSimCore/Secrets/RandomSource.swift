import Foundation

/// Where iamsim's randomness comes from: injected, so tests can replay it.
///
/// Core and Store never create their own; the front end passes a system source, tests a
/// seeded one.
public struct RandomSource: Sendable {
    private let fill: @Sendable (inout [UInt8]) -> Void

    /// A source that fills buffers with `fill`.
    public init(fill: @escaping @Sendable (inout [UInt8]) -> Void) {
        self.fill = fill
    }

    /// `count` random bytes.
    public func bytes(_ count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        fill(&buffer)
        return buffer
    }

    /// `count` characters drawn uniformly from `alphabet` (rejection sampling, no modulo bias).
    public func string(count: Int, from alphabet: [UInt8]) -> String {
        precondition(!alphabet.isEmpty && alphabet.count <= 256)
        let limit = 256 - (256 % alphabet.count)
        var output: [UInt8] = []
        output.reserveCapacity(count)
        while output.count < count {
            for byte in bytes(count - output.count) where Int(byte) < limit {
                output.append(alphabet[Int(byte) % alphabet.count])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A deterministic source (SplitMix64) for tests and the demo.
    public static func seeded(_ seed: UInt64) -> RandomSource {
        let state = SplitMix64(seed: seed)
        return RandomSource { buffer in state.fill(&buffer) }
    }
}

/// SplitMix64: a tiny, well-mixed deterministic generator. Not for secrets.
private final class SplitMix64: @unchecked Sendable {
    private var state: UInt64
    private let lock = NSLock()

    init(seed: UInt64) { state = seed }

    func fill(_ buffer: inout [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        var index = 0
        while index < buffer.count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            for shift in stride(from: 0, to: 64, by: 8) where index < buffer.count {
                buffer[index] = UInt8(truncatingIfNeeded: z >> UInt64(shift))
                index += 1
            }
        }
    }
}
