import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// MFA devices: virtual devices with a real QR code and seed, enabled and resynchronized with
    /// the same TOTP rules as the console (two consecutive codes, the window, replay).
    ///
    /// The root user's own MFA can be enabled only in the console, as in AWS: `EnableMFADevice`
    /// requires `UserName` (ValidationError without it) and binds a device to that IAM user;
    /// `UserName=root` names no IAM user (NoSuchEntity). Root may still create virtual devices
    /// and enable them for its IAM users (docs/api.md).
    static let mfa: [IAMAction: QueryHandler] = [
        .createVirtualMFADevice: { context in
            let parameters = context.parameters
            if let path = parameters.string("Path"), path != "/" {
                throw IAMError.notImplemented(
                    "iamsim does not simulate MFA device paths, so CreateVirtualMFADevice's Path can only be /. "
                        + "See docs/api.md for the actions iamsim answers.")
            }
            try parameters.refuseUnsimulated("Tags", of: .createVirtualMFADevice, what: "tags on MFA devices")
            let enrolled = try context.simulator.enrollVirtualMFADevice(
                caller: context.caller, deviceName: parameters.required("VirtualMFADeviceName"), drawingPNG: true)
            return Shapes.createVirtualMFADevice(enrolled)
        },
        .enableMFADevice: noOutput { context in
            let parameters = context.parameters
            try context.store.enableMFADevice(
                caller: context.caller, serialNumber: parameters.required("SerialNumber"),
                code1: parameters.required("AuthenticationCode1"), code2: parameters.required("AuthenticationCode2"),
                userName: parameters.required("UserName"))
        },
        .resyncMFADevice: noOutput { context in
            let parameters = context.parameters
            try context.store.resyncMFADevice(
                caller: context.caller, serialNumber: parameters.required("SerialNumber"),
                code1: parameters.required("AuthenticationCode1"), code2: parameters.required("AuthenticationCode2"),
                userName: parameters.required("UserName"))
        },
        .deactivateMFADevice: noOutput { context in
            try context.store.deactivateMFADevice(
                caller: context.caller, serialNumber: context.parameters.required("SerialNumber"),
                userName: context.parameters.string("UserName"))
        },
        .deleteVirtualMFADevice: noOutput { context in
            try context.store.deleteVirtualMFADevice(
                caller: context.caller, serialNumber: context.parameters.required("SerialNumber"))
        },
        .listMFADevices: paged(Shapes.listMFADevices) { context, page in
            try context.store.listMFADevices(
                caller: context.caller, userName: context.parameters.string("UserName"), page: page)
        },
        .listVirtualMFADevices: paged(Shapes.listVirtualMFADevices) { context, page in
            // The model's enumeration is the store's: Assigned, Unassigned, Any (the default).
            let status =
                context.parameters.string("AssignmentStatus").flatMap(MFAAssignmentStatus.init(rawValue:)) ?? .any
            return try context.store.listVirtualMFADevices(caller: context.caller, assignmentStatus: status, page: page)
        },
        .getMFADevice: { context in
            Shapes.getMFADevice(
                try context.store.getMFADevice(
                    caller: context.caller, serialNumber: context.parameters.required("SerialNumber"),
                    userName: context.parameters.string("UserName")))
        },
    ]
}
