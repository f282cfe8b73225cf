/// An access key id such as `AKIAIOSFODNN7EXAMPLE`.
///
/// AWS's model allows 16–128 word characters; every key iamsim mints is `AKIA` + 16
/// characters of the base32 alphabet, 20 in all, like AWS's own long-term keys.
public struct AccessKeyID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        let bytes = rawValue.utf8
        guard (16...128).contains(bytes.count), bytes.allSatisfy(Self.isWordCharacter) else { return nil }
        self.rawValue = rawValue
    }

    public init(validating text: String) throws(IAMError) {
        guard let id = AccessKeyID(rawValue: text) else {
            throw .validationError(
                "The specified value for accessKeyId is invalid. It must contain only alphanumeric characters and be 16 to 128 characters long."
            )
        }
        self = id
    }

    /// For values iamsim itself built in the right shape.
    package init(known rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    private static func isWordCharacter(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
    }
}
