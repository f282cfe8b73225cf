/// A 12-digit AWS account id.
public struct AccountID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard rawValue.utf8.count == 12, rawValue.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        self.rawValue = rawValue
    }

    /// Parses user input, throwing AWS's ValidationError wording on failure.
    public init(validating text: String) throws(IAMError) {
        guard let id = AccountID(rawValue: text) else {
            throw .validationError("The specified value for accountId is invalid. It must be a 12-digit number.")
        }
        self = id
    }

    /// For values iamsim itself built in the right shape.
    package init(known rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// `arn:aws:iam::ACCOUNT:root`, the root user's ARN.
    public var rootARN: String { "arn:aws:iam::\(rawValue):root" }
}
