import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// Access keys, as the console handles them: create (the secret shown once, with its CSV),
/// deactivate and activate (`UpdateAccessKey`), and delete (`DeleteAccessKey`) only once the
/// key is inactive and its id typed to confirm, as AWS's console asks.
extension Console {
    struct CreatedKeyView {
        var id: String
        var secret: String
        var owner: String?
        var doneHref: String
    }

    struct DeleteKeyView {
        var id: String
        var active: Bool
        var owner: String?
        var backHref: String
    }

    /// `CreateAccessKey`: the new key and its secret, shown on this answer only.
    func createAccessKey(_ visit: Visit) throws -> ConsoleResponse {
        let user = visit.request.field("user")
        let created = try store.createAccessKey(caller: try visit.caller(), userName: user)
        return renderer.page(
            visit, title: "Retrieve access keys", template: "access-key-created",
            view: CreatedKeyView(
                id: created.metadata.accessKeyID.rawValue, secret: created.secretAccessKey, owner: user,
                doneHref: base + credentialsPath(user: user, anchor: "access-keys")),
            section: credentialsSection(user: user))
    }

    /// The CSV of a key just created, as AWS's "Download .csv file" gives it. The secret comes
    /// back in the form (POSTed, never in a URL): the console keeps no copy of it.
    func accessKeyCSV(_ visit: Visit) throws -> ConsoleResponse {
        _ = try visit.session()
        guard let id = visit.request.field("key"), AccessKeyID(rawValue: id) != nil,
            let secret = visit.request.field("secret"), secret.count == 40,
            secret.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "/" || $0 == "+") })
        else {
            throw ErrorView(title: "Cannot download", message: "This is not an access key and its secret.")
        }
        let name = (visit.request.field("user") ?? "rootkey").filter {
            $0.isLetter || $0.isNumber || "+=,.@_-".contains($0)
        }
        return ConsoleResponse(
            status: 200,
            headers: [
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", "attachment; filename=\"\(name)_accessKeys.csv\""),
            ],
            body: Array("Access key ID,Secret access key\n\(id),\(secret)\n".utf8))
    }

    /// `UpdateAccessKey`: Deactivate or Activate.
    func updateAccessKey(_ visit: inout Visit) throws -> ConsoleResponse {
        let request = visit.request
        let user = request.field("user")
        let id = request.field("key") ?? ""
        guard let status = request.field("status").flatMap(AccessKeyStatus.init(rawValue:)) else {
            throw ErrorView(title: "Cannot change the key", message: "Choose Activate or Deactivate.")
        }
        try store.updateAccessKey(caller: try visit.caller(), accessKeyID: id, status: status, userName: user)
        let message = "Access key \(id) is now \(status.rawValue)."
        if request.field("next") == "delete" {
            return visit.redirect(
                Links.path("/access-keys/delete", [("key", id)] + Links.owner(user)), flash: message)
        }
        return visit.redirect(credentialsPath(user: user, anchor: "access-keys"), flash: message)
    }

    /// The confirmation page of Delete: Deactivate first while the key is active.
    func deleteAccessKeyPage(_ visit: Visit) throws -> ConsoleResponse {
        let user = visit.request.parameter("user")
        let key = try accessKey(visit, id: visit.request.parameter("key") ?? "", user: user)
        return renderer.page(
            visit, title: "Delete access key", template: "access-key-delete",
            view: DeleteKeyView(
                id: key.accessKeyID.rawValue, active: key.status == .active, owner: user,
                backHref: base + credentialsPath(user: user, anchor: "access-keys")),
            section: credentialsSection(user: user))
    }

    /// `DeleteAccessKey`, once the key is inactive and its id typed.
    func deleteAccessKey(_ visit: inout Visit) throws -> ConsoleResponse {
        let request = visit.request
        let user = request.field("user")
        let key = try accessKey(visit, id: request.field("key") ?? "", user: user)
        let id = key.accessKeyID.rawValue
        let view = DeleteKeyView(
            id: id, active: key.status == .active, owner: user,
            backHref: base + credentialsPath(user: user, anchor: "access-keys"))
        guard key.status == .inactive else {
            return renderer.page(
                visit, title: "Delete access key", template: "access-key-delete", view: view, status: 409,
                error: ErrorView(
                    title: "Deactivate the key first",
                    message: "Access key \(id) is active: deactivate it before deleting it.", status: 409))
        }
        guard request.field("confirmation") == id else {
            return renderer.page(
                visit, title: "Delete access key", template: "access-key-delete", view: view, status: 400,
                error: ErrorView(
                    title: "Confirmation does not match",
                    message: "Type the access key ID \(id) exactly to confirm the deletion."))
        }
        try store.deleteAccessKey(caller: try visit.caller(), accessKeyID: id, userName: user)
        return visit.redirect(credentialsPath(user: user, anchor: "access-keys"), flash: "Access key \(id) is deleted.")
    }

    /// The access key `id` of the caller (or of `user`), from `ListAccessKeys`.
    ///
    /// - Throws: `NoSuchEntity` in AWS's words when there is no such key.
    private func accessKey(_ visit: Visit, id: String, user: String?) throws -> AccessKeyMetadata {
        let keys = try store.listAccessKeys(caller: try visit.caller(), userName: user).items
        guard let key = keys.first(where: { $0.accessKeyID.rawValue == id }) else {
            throw IAMError.noSuchAccessKey(id)
        }
        return key
    }
}
