import IAMSimMacros

/// A tag on an IAM user: AWS's `Tag` shape, a key and a value.
@MemberwiseInit
public struct Tag: Hashable, Sendable {
    public var key: String
    public var value: String
}

/// AWS's rules for tags on IAM resources (botocore's `tagKeyType`, `tagValueType`,
/// `tagListType`; IAM User Guide, "Tagging IAM resources").
///
/// A key is 1 to 128 characters and a value 0 to 256, of letters, separators, digits and
/// `_ . : / = + - @`. Keys are case-insensitive in IAM: a resource cannot hold `Project` and
/// `project` at once, and a tag whose key differs from an existing one only in case replaces it.
/// A resource holds at most 50 tags.
public enum TagRules {
    /// The most tags a user holds (AWS's `tagListType` maximum).
    public static let maxTagsPerResource = 50
    public static let keyMaxLength = 128
    public static let valueMaxLength = 256

    /// Checks the tags of one request (`CreateUser`, `TagUser`): each key and value, and that no
    /// two keys are the same ignoring case.
    ///
    /// - Throws: `ValidationError` in AWS's words for a key or value off the model, naming it
    ///   as `tags.N.member.key`; `InvalidInput` for keys repeated ignoring case; `LimitExceeded`
    ///   for more than 50 tags.
    public static func validate(_ tags: [Tag]) throws(IAMError) {
        for (index, tag) in tags.enumerated() {
            try validate(key: tag.key, path: "tags.\(index + 1).member.key")
            let value = tag.value
            if value.count > valueMaxLength {
                throw violation(value, "tags.\(index + 1).member.value", "have length less than or equal to 256")
            }
            if !value.unicodeScalars.allSatisfy(isAllowed) {
                throw violation(
                    value, "tags.\(index + 1).member.value", "satisfy regular expression pattern: \(pattern)*")
            }
        }
        guard Set(tags.map { $0.key.lowercased() }).count == tags.count else {
            throw .invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.")
        }
        guard tags.count <= maxTagsPerResource else { throw tooMany }
    }

    /// Checks one tag key (`UntagUser`'s `TagKeys` too), named `path` in the error.
    ///
    /// - Throws: `ValidationError` in AWS's words.
    public static func validate(key: String, path: String) throws(IAMError) {
        if key.isEmpty { throw violation(key, path, "have length greater than or equal to 1") }
        if key.count > keyMaxLength { throw violation(key, path, "have length less than or equal to 128") }
        if !key.unicodeScalars.allSatisfy(isAllowed) {
            throw violation(key, path, "satisfy regular expression pattern: \(pattern)+")
        }
    }

    /// AWS's answer when a resource would hold more than 50 tags.
    public static let tooMany = IAMError.limitExceeded("The number of tags has reached the maximum limit.")

    /// The model's character class, `[\p{L}\p{Z}\p{N}_.:/=+\-@]`.
    static let pattern = #"[\p{L}\p{Z}\p{N}_.:/=+\-@]"#

    /// Whether `scalar` is a letter, a separator, a number or one of `_ . : / = + - @`.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .spaceSeparator, .lineSeparator, .paragraphSeparator, .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            "_.:/=+-@".unicodeScalars.contains(scalar)
        }
    }

    private static func violation(_ value: String, _ path: String, _ constraint: String) -> IAMError {
        .validationError(
            "1 validation error detected: Value '\(value)' at '\(path)' failed to satisfy constraint: Member must \(constraint)"
        )
    }
}
