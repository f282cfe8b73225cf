import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase
import IAMSimMacros

/// An account held by the authenticator app: a name and a TOTP secret.
public struct AuthenticatorAccount: Hashable, Sendable {
    /// The unique name the trainee gave the account, or the URI's account name.
    public var label: String
    public var issuer: String?
    public var accountName: String
    public var totp: TOTP
    public var addedDate: Date
    /// The time steps at which the app first and last showed this account's code.
    public var firstViewedStep: Int64?
    public var lastViewedStep: Int64?

    /// What the app shows: `Amazon Web Services (root-mfa@123456789012)`, or the label.
    public var displayName: String {
        guard let issuer, !issuer.isEmpty else { return label }
        return "\(issuer) (\(accountName))"
    }
}

/// The code an account shows right now.
public struct AuthenticatorCode: Hashable, Sendable {
    public var account: AuthenticatorAccount
    public var code: String
    /// Seconds until the code changes.
    public var secondsRemaining: Int
    /// The time the code was computed for (the simulator's clock).
    public var time: Date
}

/// The trainee's phone: an authenticator app with its own storage.
///
/// It learns secrets only as a phone does (typed, or read from an `otpauth://` URI), keeps
/// them in its own table, and never reads IAM's tables. It reads its account's clock,
/// as a phone reads network time.
@MemberwiseInit
public struct Authenticator: Sendable {
    let clock: SimulationClock
    /// Whose phone this is: in a classroom database each trainee (account) has their own.
    let owner: AccountID

    // MARK: - Adding accounts

    /// Adds an account from a typed secret ("Enter a setup key").
    ///
    /// - Parameter label: the name to show; defaults to `account-N`.
    /// - Throws: `LocalError.invalidSecretKey` for a key that is not base32 (or of a length no
    ///   encoder writes), `LocalError.labelTaken` for a label the phone already has.
    @discardableResult
    public func add(secret: String, label: String?) throws -> AuthenticatorAccount {
        let normalized = secret.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        // A length no encoder writes means a character was lost or added while typing: refuse
        // it, as `oathtool -b` does, rather than keep a key whose codes AWS would never accept.
        if let problem = Base32.problem(in: normalized), let detail = problem.detail {
            throw LocalError.invalidSecretKey(detail: detail)
        }
        guard let totp = TOTP(base32Secret: normalized) else {
            throw LocalError.invalidSecretKey(detail: nil)
        }
        return try insert(label: label, issuer: nil, accountName: label, secret: normalized, totp: totp)
    }

    /// Adds an account from an `otpauth://totp/…` URI, as scanning its QR code would.
    ///
    /// - Throws: `LocalError.invalidValue` for a URI the phone cannot use, `LocalError.labelTaken`
    ///   for a label the phone already has.
    @discardableResult
    public func add(uri: String, label: String? = nil) throws -> AuthenticatorAccount {
        let parsed = try OTPAuthURI(parsing: uri)
        guard let totp = parsed.totp else {
            throw LocalError.invalidValue("Not a usable TOTP URI: its secret is not base32.")
        }
        return try insert(
            label: label ?? (parsed.accountName.isEmpty ? nil : parsed.accountName), issuer: parsed.issuer,
            accountName: parsed.accountName, secret: parsed.secret, totp: totp)
    }

    // MARK: - Reading

    /// Every account, in the order they were added.
    /// - Throws: `DatabaseFileError` when the file cannot be read.
    public func accounts() throws -> [AuthenticatorAccount] {
        try clock.database.read { db in try fetchAccounts(db) }
    }

    /// Each account's current code and the seconds it has left, at the simulator's time.
    ///
    /// Like a phone's "recently viewed", the app remembers the time steps it first and last
    /// showed each code; the guided lesson reads them to tell code 1 from code 2.
    /// - Throws: `DatabaseFileError` when the file cannot be read or written.
    public func codes() throws -> [AuthenticatorCode] {
        try clock.database.write { db in
            let now = try clock.now(db, account: owner)
            try db.execute(
                sql: """
                    UPDATE authenticatorAccount
                    SET firstViewedStep = coalesce(firstViewedStep, ?), lastViewedStep = ?
                    WHERE accountId = ?
                    """,
                arguments: [TOTP.step(at: now), TOTP.step(at: now), owner.rawValue])
            return try fetchAccounts(db).map { account in
                AuthenticatorCode(
                    account: account, code: account.totp.code(at: now),
                    secondsRemaining: TOTP.secondsRemaining(at: now, period: account.totp.period), time: now)
            }
        }
    }

    /// Every phone's accounts, by owner (account id): for the classroom report.
    /// - Throws: `DatabaseFileError` when the file cannot be read.
    public static func accountsByOwner(_ database: AppDatabase) throws -> [String: [AuthenticatorAccount]] {
        try database.read { db in
            var phones: [String: [AuthenticatorAccount]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM authenticatorAccount WHERE accountId IS NOT NULL ORDER BY id")
            {
                guard let account = try account(row) else { continue }
                phones[try row.value("accountId"), default: []].append(account)
            }
            return phones
        }
    }

    /// Removes the account labelled `label`.
    ///
    /// - Throws: `LocalError.noSuchLabel` when the phone has no account of that label.
    public func remove(label: String) throws {
        let deleted = try clock.database.write { db in
            try db.execute(
                sql: "DELETE FROM authenticatorAccount WHERE accountId = ? AND label = ? COLLATE NOCASE",
                arguments: [owner.rawValue, label])
            return db.changesCount
        }
        guard deleted > 0 else {
            throw LocalError.noSuchLabel(label)
        }
    }

    // MARK: - Storage

    private func insert(
        label: String?, issuer: String?, accountName: String?, secret: String, totp: TOTP
    ) throws -> AuthenticatorAccount {
        try clock.database.write { db in
            let now = try clock.now(db, account: owner)
            var chosen = label?.trimmingCharacters(in: .whitespaces) ?? ""
            if chosen.isEmpty {
                let count =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM authenticatorAccount WHERE accountId = ?",
                        arguments: [owner.rawValue]) ?? 0
                chosen = "account-\(count + 1)"
            }
            let taken =
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM authenticatorAccount WHERE accountId = ? AND label = ? COLLATE NOCASE",
                    arguments: [owner.rawValue, chosen]) ?? 0
            guard taken == 0 else {
                throw LocalError.labelTaken(chosen)
            }
            let account = AuthenticatorAccount(
                label: chosen, issuer: issuer, accountName: accountName ?? chosen, totp: totp, addedDate: now)
            try db.execute(
                sql: """
                    INSERT INTO authenticatorAccount
                      (accountId, label, issuer, accountName, secret, algorithm, digits, period, addedDate)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    owner.rawValue, chosen, issuer, account.accountName, secret, totp.algorithm.rawValue, totp.digits,
                    totp.period, now.stored,
                ])
            return account
        }
    }

    private func fetchAccounts(_ db: Database) throws -> [AuthenticatorAccount] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM authenticatorAccount WHERE accountId = ? ORDER BY id", arguments: [owner.rawValue]
        )
        .compactMap { try Self.account($0) }
    }

    /// The account in `row`; nil when its secret is not usable TOTP. A value its column cannot
    /// hold throws (a damaged database).
    private static func account(_ row: Row) throws -> AuthenticatorAccount? {
        let algorithm = TOTP.Algorithm(rawValue: try row.value("algorithm")) ?? .sha1
        // Stored secrets were checked when added (before issue 9 less strictly): decode as then.
        guard
            let totp = TOTP(
                storedBase32Secret: try row.value("secret"), digits: try row.value("digits"),
                period: try row.value("period"),
                algorithm: algorithm)
        else { return nil }
        return AuthenticatorAccount(
            label: try row.value("label"), issuer: try row.value("issuer"), accountName: try row.value("accountName"),
            totp: totp, addedDate: (try row.value("addedDate") as StoredDate?)?.date ?? Date(timeIntervalSince1970: 0),
            firstViewedStep: try row.value("firstViewedStep"), lastViewedStep: try row.value("lastViewedStep"))
    }
}
