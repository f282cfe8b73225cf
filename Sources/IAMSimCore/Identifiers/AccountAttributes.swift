/// AWS's rule for account aliases: 3–63 lowercase letters, digits and single hyphens, not at the ends.
public enum AccountAlias {
    public static let rule =
        "must be 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, without '--'"

    public static func isValid(_ alias: String) -> Bool {
        let bytes = Array(alias.utf8)
        guard (3...63).contains(bytes.count) else { return false }
        func isAlphanumeric(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }
        guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else {
            return false
        }
        for (index, byte) in bytes.enumerated() where !isAlphanumeric(byte) {
            guard byte == 0x2D, bytes[index - 1] != 0x2D else { return false }
        }
        return true
    }
}

/// A root email address: loosely checked, as the console does before asking for a password.
public enum EmailAddress {
    public static func isValid(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return email.utf8.count <= 128 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !email.contains(where: \.isWhitespace)
    }
}

/// IAM paths: `/` or `/segments/` of printable ASCII, up to 512 characters.
public enum IAMPath {
    public static let rule = "must be / or start and end with / and contain printable ASCII, up to 512 characters"

    public static func isValid(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard (1...512).contains(bytes.count), bytes.first == 0x2F, bytes.last == 0x2F else { return false }
        return bytes.allSatisfy { (0x21...0x7E).contains($0) }
    }
}

/// Serial numbers of hardware TOTP tokens, such as `GAHT12345678`.
public enum HardwareSerial {
    public static let rule = "must be 9 to 256 characters from letters, digits and +=/:,.@_-"

    public static func isValid(_ serial: String) -> Bool {
        let allowed = Set("+=/:,.@_-".utf8)
        return (9...256).contains(serial.utf8.count)
            && serial.utf8.allSatisfy {
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
                    || allowed.contains($0)
            }
    }
}
