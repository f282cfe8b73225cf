import IAMSimCore
import IAMSimMacros

/// One account of a new class as its trainee receives it: who it is for, with the root
/// password in plain text, and root's access keys as the fixture gives them (fresh ids and
/// secrets). Shown once, when the class is created: only hashes of the password are stored,
/// and iamsim, like AWS, never shows a secret access key again.
///
/// The keys let one `iamsim serve` serve the whole class: a request's access key decides its
/// account (docs/classroom.md, "One server for the class").
@MemberwiseInit
public struct EnrolledTrainee: Hashable, Sendable {
    /// The account id, email, alias and root password (plain text).
    public var trainee: Trainee
    /// Root's access keys, in the fixture's order, with their secrets and statuses; empty when
    /// the fixture gives root none.
    public var rootAccessKeys: [Fixture.AccessKey]

    /// The key a trainee points the aws CLI or boto3 at: root's first active access key, if any.
    /// A key whose fixture gives no status is active, as in fixtures everywhere.
    public var rootSigningKey: Fixture.AccessKey? {
        rootAccessKeys.first { ($0.status ?? .active) == .active }
    }
}
