import IAMSimCore
import IAMSimStore

/// A virtual MFA device just created, with its QR code: what the console's "Assign MFA
/// device" wizard shows, and what `CreateVirtualMFADevice` answers.
public struct EnrolledDevice: Sendable {
    public var created: NewVirtualMFADevice
    public var qr: QRImage
}

extension Simulator {
    /// `CreateVirtualMFADevice` and its QR code.
    ///
    /// - Parameter drawingPNG: draw the QR code's PNG now (`QRCodePNG`, `--qr-png`); otherwise
    ///   only when `qr.pngBytes` is first read. Drawing it is most of the work.
    /// - Throws: what `IAMStore.createVirtualMFADevice` throws; `LocalError.failed` when the
    ///   QR code cannot be drawn (the device then exists: draw it again from its URI).
    public func enrollVirtualMFADevice(caller: Caller, deviceName: String, drawingPNG: Bool) throws -> EnrolledDevice {
        let created = try store.createVirtualMFADevice(caller: caller, deviceName: deviceName)
        return EnrolledDevice(created: created, qr: try QRImage(uri: created.uri, drawingPNG: drawingPNG))
    }
}
