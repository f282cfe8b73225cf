/// Validation of IAM names: user names, group names and MFA device names all draw from
/// `[\w+=,.@-]`, with per-kind length limits.
public enum IAMName {
    /// The characters AWS allows in IAM names besides letters, digits and `_`.
    static let punctuation: Set<UInt8> = Set("+=,.@-_".utf8)

    /// Whether every character of `name` is one AWS allows in IAM names.
    public static func hasValidCharacters(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || punctuation.contains(byte)
            }
    }

    /// Checks `name` for one parameter, throwing AWS's ValidationError wording.
    public static func validate(_ name: String, parameter: String, maxLength: Int) throws(IAMError) {
        guard hasValidCharacters(name) else {
            throw .validationError(
                "The specified value for \(parameter) is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-"
            )
        }
        guard name.utf8.count <= maxLength else {
            throw .validationError(
                "1 validation error detected: Value '\(name)' at '\(parameter)' failed to satisfy constraint: Member must have length less than or equal to \(maxLength)"
            )
        }
    }
}

/// The name of an MFA device, the last part of its serial `arn:aws:iam::ACCOUNT:mfa/NAME`.
public struct MFADeviceName: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// AWS's model sets no maximum; iamsim takes the user-name limit so serials stay short.
    public static let maxLength = 64

    public let rawValue: String

    public init?(rawValue: String) {
        guard IAMName.hasValidCharacters(rawValue), rawValue.utf8.count <= Self.maxLength else { return nil }
        self.rawValue = rawValue
    }

    public init(validating text: String) throws(IAMError) {
        try IAMName.validate(text, parameter: "virtualMFADeviceName", maxLength: Self.maxLength)
        self.rawValue = text
    }

    /// For names a validated fixture or the store already checked.
    package init(known rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// The device's serial number in `account`.
    public func serialNumber(in account: AccountID) -> String {
        "arn:aws:iam::\(account.rawValue):mfa/\(rawValue)"
    }
}
