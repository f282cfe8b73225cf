import IAMSimCore
import IAMSimStore

extension Simulator {
    /// The console's Delete user (once the name is typed to confirm): as AWS's console does, it
    /// first removes what `DeleteUser` refuses to delete with the user (its console password,
    /// access keys, MFA devices and group memberships), then deletes the user. Each removal is
    /// its own API call, with its own transaction and event, in that order.
    ///
    /// - Returns: what was removed with the user.
    /// - Throws: what `deleteUserConflicts`, the removals and `deleteUser` throw: `NoSuchEntity`
    ///   for an unknown user, `AccessDenied` for an IAM user or a caller not signed in. A failure
    ///   part-way leaves what was already removed removed, as the console's calls would.
    @discardableResult
    public func deleteUserAndAttachments(caller: Caller, userName: String) throws -> IAMStore.UserAttachments {
        let attachments = try store.deleteUserConflicts(caller: caller, userName: userName)
        let name = attachments.userName
        if attachments.hasLoginProfile { try store.deleteLoginProfile(caller: caller, userName: name) }
        for key in attachments.accessKeyIDs {
            try store.deleteAccessKey(caller: caller, accessKeyID: key, userName: name)
        }
        for device in attachments.mfaDeviceNames {
            let serial = try store.mfaDeviceSerial(nameOrSerial: device, caller: caller)
            try removeMFADevice(caller: caller, serialNumber: serial, userName: name)
        }
        for group in attachments.groupNames {
            try store.removeUserFromGroup(caller: caller, groupName: group, userName: name)
        }
        try store.deleteUser(caller: caller, userName: name)
        return attachments
    }
}
