import Foundation
import GRDB
import IAMSimCore
import IAMSimDatabase

extension IAMStore {
    // MARK: - Tags on users

    /// `TagUser`: adds `tags` to the user `userName`; a tag whose key the user already has
    /// (ignoring case, as IAM's keys are) replaces it, with the key's new spelling.
    ///
    /// - Throws: `ValidationError` for a malformed name, key or value; `InvalidInput` for keys
    ///   repeated ignoring case; `LimitExceeded` when the user would hold more than 50 tags;
    ///   `NoSuchEntity` for an unknown user; `AccessDenied` for an IAM user (only root
    ///   administers users here), or a console caller not signed in.
    public func tagUser(caller: Caller, userName: String, tags: [Tag]) throws {
        try environment.perform(.tagUser, caller: caller, resource: userName) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .tagUser, resource: userARN(principal, userName))
            try TagRules.validate(tags)
            let user = try user(named: userName, in: principal.accountID, db)
            for tag in tags { try UserTagRecord.set(tag, ofUser: user.id, db) }
            guard try UserTagRecord.count(ofUser: user.id, db) <= TagRules.maxTagsPerResource else {
                throw TagRules.tooMany
            }
        }
    }

    /// `UntagUser`: removes the tags with `tagKeys` (ignoring case) from the user `userName`;
    /// a key the user has no tag for is no error, as in IAM.
    ///
    /// - Throws: `ValidationError` for a malformed name or key; `NoSuchEntity` for an unknown
    ///   user; `AccessDenied` for an IAM user, or a console caller not signed in.
    public func untagUser(caller: Caller, userName: String, tagKeys: [String]) throws {
        try environment.perform(.untagUser, caller: caller, resource: userName) { db, principal, _ in
            try Permissions.authorizeAdministration(principal, .untagUser, resource: userARN(principal, userName))
            for (index, key) in tagKeys.enumerated() {
                try TagRules.validate(key: key, path: "tagKeys.\(index + 1).member")
            }
            let user = try user(named: userName, in: principal.accountID, db)
            for key in tagKeys { try UserTagRecord.remove(key: key, ofUser: user.id, db) }
        }
    }

    /// `ListUserTags`: the tags of the user `userName`, by key (ignoring case). A user may list
    /// its own, as `GetUser` shows them.
    ///
    /// - Parameter page: `Marker` and `MaxItems`; nil for every tag.
    /// - Throws: `ValidationError` for a malformed name, or ("Invalid Marker.") a marker no page
    ///   of this list gave; `NoSuchEntity` for an unknown user; `AccessDenied` for another
    ///   user's tags, or a console caller not signed in.
    public func listUserTags(caller: Caller, userName: String, page: PageRequest? = nil) throws -> Page<Tag> {
        try environment.perform(.listUserTags, caller: caller, resource: userName) { db, principal, _ in
            let user = try user(named: userName, in: principal.accountID, db)
            try Permissions.authorize(principal, .listUserTags, credentialsOf: .user(user.user))
            return try Pagination.page(page, of: .listUserTags) { after, limit in
                try UserTagRecord.tags(ofUser: user.id, after: after, limit: limit, db)
            }
            .mapItems(\.tag)
        }
    }
}
