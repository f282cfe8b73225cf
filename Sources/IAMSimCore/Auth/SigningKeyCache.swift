import Crypto
import Foundation

/// SigV4 signing keys already derived, by secret and scope: the key for a day, region and
/// service is four HMACs of the secret, the same for every request signed that day, so a
/// server derives it once (as AWS's SDKs keep it) instead of for every request.
///
/// The secret is part of what a key is found by, so a key is only ever used with the secret it
/// came from; a key deactivated or deleted is refused before its secret is looked at, as
/// without the cache. At most `capacity` keys are kept: when full, the cache starts empty
/// again (a simulator serves a handful of keys; the bound only stops a flood of scopes from
/// growing it).
public final class SigningKeyCache: @unchecked Sendable {
    private struct Scope: Hashable {
        var secret: String
        var date: String
        var region: String
        var service: String
    }

    private let lock = NSLock()
    private var keys: [Scope: SymmetricKey] = [:]
    private let capacity: Int

    /// - Parameter capacity: how many keys to keep at most.
    public init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// How many keys are kept.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return keys.count
    }

    /// The key `secret` derives for `credentials`' scope, derived now if it is not kept.
    func key(secret: String, _ credentials: SigV4.Credentials) -> SymmetricKey {
        let scope = Scope(
            secret: secret, date: credentials.scopeDate, region: credentials.region, service: credentials.service)
        lock.lock()
        let kept = keys[scope]
        lock.unlock()
        if let kept { return kept }
        let key = SigV4.signingKey(secret: secret, credentials)
        lock.lock()
        if keys.count >= capacity { keys.removeAll() }
        keys[scope] = key
        lock.unlock()
        return key
    }
}
