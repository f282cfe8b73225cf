import Foundation
import IAMSimMacros

/// The kinds of MFA device iamsim simulates.
public enum MFADeviceType: String, Codable, Sendable, CaseIterable {
    /// An authenticator app: serial `arn:aws:iam::ACCOUNT:mfa/NAME`.
    case virtual
    /// A hardware TOTP token: serial like `GAHT12345678`.
    case hardware
}

/// An MFA device with its assignment, without its seed.
@MemberwiseInit
public struct MFADevice: Hashable, Sendable {
    public var serialNumber: String
    public var deviceName: String
    public var type: MFADeviceType
    public var createDate: Date
    /// Who the device is assigned to; nil while it awaits activation.
    public var assignedTo: Principal?
    public var enableDate: Date?
    /// Steps the device's clock runs ahead (+) or behind (−), as the last resync measured.
    public var drift: Int64 = 0

    /// Whether the device is assigned and enabled.
    public var isActive: Bool { assignedTo != nil && enableDate != nil }
}

/// `ListVirtualMFADevices`' `AssignmentStatus`: which virtual devices to list.
public enum MFAAssignmentStatus: String, Sendable, CaseIterable {
    /// Assigned to root or to a user.
    case assigned = "Assigned"
    /// Created and never activated ("awaiting activation").
    case unassigned = "Unassigned"
    /// Both; AWS's default when the parameter is omitted.
    case any = "Any"
}

/// A virtual device just created by `CreateVirtualMFADevice`, with the seed shown once.
@MemberwiseInit
public struct NewVirtualMFADevice: Hashable, Sendable {
    public var device: MFADevice
    /// The seed as base32 text (`Base32StringSeed`).
    public var base32StringSeed: String
    /// The `otpauth://` URI an authenticator app scans.
    public var uri: String
}

/// IAM's MFA quota.
public enum MFADeviceRules {
    /// Up to eight MFA devices per identity, any mix of types.
    public static let maxDevicesPerIdentity = 8
}
