import Foundation
import IAMSimCore
import IAMSimDatabase
import IAMSimDevices
import IAMSimStore

/// Accounts as an instructor handles them: loaded from fixtures, created as a class, reset,
/// deleted. Each operation changes an account and its trainee's devices (the phone, the
/// hardware tokens a fixture hands out) in one transaction, so they never disagree.
public struct Classroom: Sendable {
    let simulator: Simulator

    var store: AccountStore { simulator.accounts }

    /// Loads `fixture` as a new account and hands its hardware tokens to the trainee.
    ///
    /// - Throws: `LocalError.invalidValue` when its account id, alias, email, a key or a device
    ///   is taken (nothing changes).
    @discardableResult
    public func load(_ fixture: Fixture) throws -> AccountID {
        let prepared = store.prepare([fixture])
        return try simulator.database.transaction { transaction in try load(prepared, transaction)[0] }
    }

    /// Loads the fixture `seed` gives unless the database already holds an account.
    ///
    /// Safe when several processes race to create one new file: the check and the load share
    /// one write transaction, so exactly one of them loads.
    /// - Parameter seed: read only when the database turns out to be empty.
    /// - Returns: the fixture loaded, or nil when there already was an account.
    /// - Throws: what `seed` throws; `LocalError.invalidValue` when the fixture clashes with
    ///   itself; `DatabaseFileError` when the file cannot be read or written.
    public func seedIfEmpty(with seed: () throws -> Fixture) throws -> Fixture? {
        // Every command passes here: the common case costs one read, not a parse and a hash.
        guard try store.isEmpty() else { return nil }
        let fixture = try seed()
        let prepared = store.prepare([fixture])
        return try simulator.database.transaction { transaction in
            guard try store.isEmpty(transaction) else { return nil }
            _ = try load(prepared, transaction)
            return fixture
        }
    }

    /// Creates a class from `template`: one account per trainee, each with a fresh id, the
    /// email from `emailTemplate` (`{n}` is the trainee's number), an optional alias
    /// (`aliasPrefix` and the number), a new root password, and fresh secrets everywhere, all
    /// in one transaction (all of them, or none).
    ///
    /// The root passwords are generated (about 116 bits of entropy), so one salted HMAC is
    /// enough to store them and a class of 1,000 is created in a second (docs/architecture.md,
    /// "Secrets"); passwords the fixture holds, chosen by people, get the slow KDF.
    /// - Parameters:
    ///   - staging: runs with the trainees before any account is created (to stage a
    ///     credentials file that is moved into place only once the accounts exist); throwing
    ///     cancels the whole class.
    ///   - progress: told how many password hashes are done.
    /// - Returns: each trainee with their password in plain text and root's access keys with
    ///   their secrets: shown once (the password is never stored, the secrets never shown again).
    /// - Throws: `LocalError.invalidValue` when a personalized fixture is not loadable, or an
    ///   email or alias is taken.
    public func createClass(
        from template: Fixture, count: Int, emailTemplate: String, aliasPrefix: String?, firstNumber: Int,
        staging: ([EnrolledTrainee]) throws -> Void = { _ in }, progress: @Sendable (Int) -> Void = { _ in }
    ) throws -> [EnrolledTrainee] {
        let secrets = SecretGenerator(random: simulator.random)
        let trainees = try store.unusedAccountIDs(count).enumerated().map { index, id in
            let number = firstNumber + index
            return Trainee(
                accountID: id, email: EmailTemplate.email(emailTemplate, number: number),
                alias: aliasPrefix.map { "\($0)\(number)" }, password: secrets.consolePassword())
        }
        let fixtures = trainees.map { trainee in
            var stored = trainee
            stored.passwordHash = simulator.hasher.hashGenerated(trainee.password ?? "", random: simulator.random)
            stored.password = nil
            return template.personalized(for: stored, secrets: secrets)
        }
        if let problem = fixtures.flatMap({ $0.problems() }).first {
            throw LocalError.invalidValue("Cannot create the accounts: \(problem)")
        }
        let enrolled = zip(trainees, fixtures).map {
            EnrolledTrainee(trainee: $0, rootAccessKeys: $1.account.root.accessKeys ?? [])
        }
        try staging(enrolled)
        let prepared = store.prepare(fixtures, progress: progress)
        try simulator.database.transaction { transaction in _ = try load(prepared, transaction) }
        return enrolled
    }

    /// Puts accounts back to their starting state, all in one transaction (on any failure,
    /// none changes): to the fixture each was loaded from, or to `fixture` personalized for
    /// each; each trainee's phone is wiped and their hardware tokens handed out again.
    ///
    /// - Throws: `LocalError.noSuchAccount` for an unknown account, `LocalError.invalidValue`
    ///   for one with no stored fixture.
    public func reset(_ accounts: [AccountID], to fixture: Fixture?, progress: @Sendable (Int) -> Void = { _ in })
        throws
    {
        let prepared = try store.prepareReset(accounts, to: fixture, progress: progress)
        try simulator.database.transaction { transaction in
            let times = try store.reset(accounts, to: prepared, transaction)
            for (index, account) in accounts.enumerated() {
                try TraineeDevices.reset(
                    transaction, owner: account, tokens: prepared[index].fixture.account.hardwareTokens ?? [],
                    now: times[index])
            }
        }
    }

    /// Deletes an account, everything in it and everything its trainee holds; its events stay.
    ///
    /// - Throws: `LocalError.noSuchAccount` when there is no such account.
    public func delete(_ account: AccountID) throws {
        try simulator.database.transaction { transaction in
            try store.deleteAccount(account, transaction)
            try TraineeDevices.forget(transaction, owner: account)
        }
    }

    /// Loads prepared fixtures and hands out their hardware tokens, inside `transaction`.
    private func load(_ prepared: [PreparedFixture], _ transaction: DatabaseTransaction) throws -> [AccountID] {
        let now = simulator.clock.realNow()
        return try prepared.map { prepared in
            let account = try store.load(prepared, transaction)
            try TraineeDevices.receive(
                transaction, owner: account, tokens: prepared.fixture.account.hardwareTokens ?? [], now: now)
            return account
        }
    }
}
