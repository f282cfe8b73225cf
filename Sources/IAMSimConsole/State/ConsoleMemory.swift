import Foundation
import IAMSimApp
import IAMSimStore

/// What the console remembers between two pages and nowhere else: sign-ins halfway through
/// (the password was right, the MFA code or a new password comes next) and virtual MFA devices
/// being set up (their QR code and secret key, shown only during the wizard, as AWS shows them).
///
/// Kept in memory only, never in the database or a cookie: a restart forgets them, and the
/// trainee signs in again or assigns the device again. Entries expire on real time.
final class ConsoleMemory: @unchecked Sendable {
    /// A sign-in whose password was accepted, waiting for its next page.
    struct PendingSignIn: Sendable {
        var identity: SignInIdentity
        var password: String
        /// The new password, once typed, when the old one had to change.
        var newPassword: String?
        /// Why a new password is needed, while the page asks for it.
        var passwordChangeReason: String?
        var created: Date
    }

    /// A virtual device created by the wizard, not yet activated.
    struct Enrollment: Sendable {
        var device: EnrolledDevice
        /// The IAM user it is for, when root assigns a user's device.
        var userName: String?
        var created: Date
    }

    /// How long a half-done sign-in waits for its next page.
    static let signInLifetime: TimeInterval = 10 * 60
    /// How long the wizard keeps a device's QR code and secret key.
    static let enrollmentLifetime: TimeInterval = 60 * 60
    /// At most this many entries of each kind; the oldest go first.
    static let capacity = 10_000

    private let lock = NSLock()
    private var signIns: [String: PendingSignIn] = [:]
    private var enrollments: [String: Enrollment] = [:]

    // MARK: - Sign-ins

    func remember(_ signIn: PendingSignIn, token: String) {
        lock.withLock {
            Self.prune(&signIns, now: signIn.created, lifetime: Self.signInLifetime, created: \.created)
            signIns[token] = signIn
        }
    }

    /// The pending sign-in `token` names, if it has not expired at `now`.
    func signIn(_ token: String?, now: Date) -> PendingSignIn? {
        guard let token else { return nil }
        return lock.withLock {
            guard let pending = signIns[token] else { return nil }
            guard now.timeIntervalSince(pending.created) < Self.signInLifetime else {
                signIns[token] = nil
                return nil
            }
            return pending
        }
    }

    func forgetSignIn(_ token: String?) {
        guard let token else { return }
        lock.withLock { signIns[token] = nil }
    }

    // MARK: - Enrollments

    /// Remembers `enrollment` for the console session `session`.
    func remember(_ enrollment: Enrollment, session: String) {
        lock.withLock {
            Self.prune(&enrollments, now: enrollment.created, lifetime: Self.enrollmentLifetime, created: \.created)
            enrollments[Self.key(session, enrollment.device.created.device.serialNumber)] = enrollment
        }
    }

    /// The device `serial` being set up in session `session`, if it has not expired at `now`.
    func enrollment(session: String, serial: String, now: Date) -> Enrollment? {
        lock.withLock {
            let key = Self.key(session, serial)
            guard let enrollment = enrollments[key] else { return nil }
            guard now.timeIntervalSince(enrollment.created) < Self.enrollmentLifetime else {
                enrollments[key] = nil
                return nil
            }
            return enrollment
        }
    }

    func forgetEnrollment(session: String, serial: String) {
        lock.withLock { enrollments[Self.key(session, serial)] = nil }
    }

    private static func key(_ session: String, _ serial: String) -> String { "\(session)\n\(serial)" }

    /// Drops expired entries, then the oldest while the table is full.
    private static func prune<Entry>(
        _ table: inout [String: Entry], now: Date, lifetime: TimeInterval, created: KeyPath<Entry, Date>
    ) {
        table = table.filter { now.timeIntervalSince($0.value[keyPath: created]) < lifetime }
        while table.count >= capacity,
            let oldest = table.min(by: { $0.value[keyPath: created] < $1.value[keyPath: created] })
        {
            table[oldest.key] = nil
        }
    }
}
