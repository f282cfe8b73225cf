import IAMSimCore
import IAMSimStore

extension Simulator {
    /// The console's Remove for an MFA device: `DeactivateMFADevice`, then for a virtual device
    /// `DeleteVirtualMFADevice`, as two API calls (each its own transaction and event), as the
    /// console makes them. A virtual device still awaiting activation is nobody's to
    /// deactivate: it is only deleted, by root or by the user it is named after.
    ///
    /// - Parameters:
    ///   - serialNumber: the device's serial number (a front end resolves names with
    ///     `IAMStore.mfaDeviceSerial(nameOrSerial:caller:)`).
    ///   - userName: whose device, for root acting on a user's; the caller's when nil.
    /// - Returns: the device as it was before its removal.
    /// - Throws: what `deactivateMFADevice` and `deleteVirtualMFADevice` throw: `NoSuchEntity`
    ///   for a device that is not the identity's (an unassigned hardware token is nobody's);
    ///   `AccessDenied` for another user's device, or an unassigned one the caller may not delete.
    @discardableResult
    public func removeMFADevice(caller: Caller, serialNumber: String, userName: String? = nil) throws -> MFADevice {
        // A failed read (no session, say) falls through to the deactivation, which answers and logs.
        if let pending = try? store.findMFADevice(serialNumber: serialNumber, caller: caller),
            pending.type == .virtual, pending.assignedTo == nil
        {
            try store.deleteVirtualMFADevice(caller: caller, serialNumber: serialNumber)
            return pending
        }
        let deactivated = try store.deactivateMFADevice(caller: caller, serialNumber: serialNumber, userName: userName)
        if deactivated.device.type == .virtual {
            try store.deleteVirtualMFADevice(caller: caller, serialNumber: serialNumber, deactivated: deactivated)
        }
        return deactivated.device
    }
}
