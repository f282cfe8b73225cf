import Foundation

/// The credential report's CSV (`GetCredentialReport`'s `Content`, `ReportFormat` `text/csv`).
///
/// Column rules follow the IAM User Guide's column list and real reports: booleans are
/// lowercase `true`/`false` as real files print them (the guide writes `TRUE`/`FALSE`; Prowler
/// compares lowercase), timestamps are `2026-01-05T09:30:05+00:00`, and the root user's
/// password columns other than `password_last_used` are `not_supported`.
public enum CredentialReport {
    /// The 22 column names, in AWS's order.
    public static let columns = [
        "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
        "password_next_rotation", "mfa_active",
        "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
        "access_key_1_last_used_region", "access_key_1_last_used_service",
        "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
        "access_key_2_last_used_region", "access_key_2_last_used_service",
        "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
    ]

    /// The header line, without its line break.
    public static let header = columns.joined(separator: ",")

    /// What the `user` column says for the root user.
    public static let rootUserName = "<root_account>"

    /// The whole report: the header, then one line per entry in the order given (AWS puts
    /// root first), each line ending in `\n`.
    public static func csv(_ entries: [CredentialReportEntry]) -> String {
        var text = header + "\n"
        for entry in entries {
            text += fields(entry).map(escape).joined(separator: ",") + "\n"
        }
        return text
    }

    /// One entry's 22 values, unescaped, in column order.
    public static func fields(_ entry: CredentialReportEntry) -> [String] {
        var row = [
            entry.isRoot ? rootUserName : entry.user,
            entry.arn,
            Timestamp.iso8601(entry.creationTime),
        ]
        row += passwordFields(entry)
        row.append(bool(entry.mfaActive))
        // Keys beyond two cannot exist (AWS's quota); a third would have no columns anyway.
        let keys = Array(entry.accessKeys.prefix(2))
        for index in 0..<2 {
            row += keyFields(index < keys.count ? keys[index] : nil)
        }
        // iamsim has no X.509 signing certificates: both slots are always empty.
        row += ["false", notApplicable, "false", notApplicable]
        return row
    }

    // MARK: Columns

    static let notApplicable = "N/A"
    static let noInformation = "no_information"
    static let notSupported = "not_supported"

    /// `password_enabled`, `password_last_used`, `password_last_changed`, `password_next_rotation`.
    static func passwordFields(_ entry: CredentialReportEntry) -> [String] {
        // `no_information` means "has a password that was never used"; `N/A` means "no password".
        let lastUsed =
            entry.hasPassword ? (entry.passwordLastUsed.map(Timestamp.iso8601) ?? noInformation) : notApplicable
        if entry.isRoot {
            return [notSupported, lastUsed, notSupported, notSupported]
        }
        guard entry.hasPassword else {
            return ["false", notApplicable, notApplicable, notApplicable]
        }
        return [
            "true", lastUsed,
            entry.passwordLastChanged.map(Timestamp.iso8601) ?? notApplicable,
            entry.passwordNextRotation.map(Timestamp.iso8601) ?? notApplicable,
        ]
    }

    /// `access_key_N_active`, `_last_rotated`, `_last_used_date`, `_last_used_region`, `_last_used_service`.
    ///
    /// An inactive key keeps its `last_rotated` date: the column says when the key was created
    /// or changed, which is still true of an inactive key (the guide's "N/A if no active key"
    /// reads as the case of no key at all, which is how real reports and Prowler treat it).
    static func keyFields(_ key: CredentialReportEntry.AccessKey?) -> [String] {
        guard let key else { return ["false"] + Array(repeating: notApplicable, count: 4) }
        guard let used = key.lastUsedDate else {
            return [bool(key.active), Timestamp.iso8601(key.lastRotated), notApplicable, notApplicable, notApplicable]
        }
        return [
            bool(key.active), Timestamp.iso8601(key.lastRotated), Timestamp.iso8601(used),
            key.lastUsedRegion ?? notApplicable, key.lastUsedService ?? notApplicable,
        ]
    }

    static func bool(_ value: Bool) -> String { value ? "true" : "false" }

    // MARK: CSV

    /// RFC 4180: a field holding a comma, a double quote or a line break goes in double quotes,
    /// its quotes doubled. IAM names cannot hold these, but the report must not break if one did.
    static func escape(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
