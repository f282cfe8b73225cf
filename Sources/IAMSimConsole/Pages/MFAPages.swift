import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// The "Assign MFA device" wizard (name and type; the QR code and secret key; MFA code 1 and
/// 2), a hardware token's setup, Resync and Remove: `enrollVirtualMFADevice`
/// (`CreateVirtualMFADevice`), `EnableMFADevice`, `ResyncMFADevice`, and `removeMFADevice`
/// (`DeactivateMFADevice`, `DeleteVirtualMFADevice`), as the CLI's `mfa` commands call them.
extension Console {
    struct AssignView {
        var name: String?
        var owner: String?
        var app: Bool
        var key: Bool
        var hardware: Bool
        var cancelHref: String
    }

    struct SetupView {
        var name: String
        var serial: String
        var secret: String
        var qrHref: String
        var owner: String?
    }

    struct HardwareView {
        var name: String
        var serial: String?
        var owner: String?
        var tokens: String?
        var cancelHref: String
    }

    struct DeviceView {
        var name: String
        var serial: String
        var owner: String?
        var virtual: Bool
        var cancelHref: String
    }

    /// The page MFA actions return to: the identity's MFA section.
    private func mfaPath(user: String?) -> String { credentialsPath(user: user, anchor: "mfa") }

    // MARK: - Step 1: name and type

    func assignPage(_ visit: Visit) throws -> ConsoleResponse {
        _ = try visit.session()
        let user = visit.request.parameter("user")
        return renderer.page(
            visit, title: "Assign MFA device", template: "mfa-assign",
            view: AssignView(
                name: nil, owner: user, app: true, key: false, hardware: false, cancelHref: base + mfaPath(user: user)),
            section: credentialsSection(user: user))
    }

    func assignSubmit(_ visit: inout Visit) throws -> ConsoleResponse {
        let session = try visit.session()
        let request = visit.request
        let user = request.field("user")
        let name = request.field("name") ?? ""
        let type = request.field("type") ?? "authenticator-app"
        let current = visit
        let again = { (error: ErrorView) in
            self.renderer.page(
                current, title: "Assign MFA device", template: "mfa-assign",
                view: AssignView(
                    name: name, owner: user, app: type == "authenticator-app", key: type == "security-key",
                    hardware: type == "hardware-totp", cancelHref: self.base + self.mfaPath(user: user)),
                status: error.status, section: self.credentialsSection(user: user), error: error)
        }
        switch type {
        case "security-key":
            return again(
                ErrorView(
                    title: "Security keys are not simulated",
                    message:
                        "Security keys (FIDO2/WebAuthn) need a browser's WebAuthn and a physical key, which iamsim does not simulate. Choose Authenticator app, or Hardware TOTP token."
                ))
        case "hardware-totp":
            do {
                _ = try MFADeviceName(validating: name)
            } catch {
                return again(ErrorView(error))
            }
            return hardwarePage(visit, name: name, serial: nil, user: user, error: nil)
        case "authenticator-app":
            do {
                let enrolled = try simulator.enrollVirtualMFADevice(
                    caller: .session(id: session.id, origin: visit.request.client), deviceName: name, drawingPNG: true)
                memory.remember(
                    ConsoleMemory.Enrollment(device: enrolled, userName: user, created: simulator.clock.realNow()),
                    session: session.id)
                return visit.redirect(setupPath(enrolled.created.device.serialNumber, user: user))
            } catch {
                return again(ErrorView(error))
            }
        default:
            return again(ErrorView(title: "Choose a device", message: "Choose one of the MFA device types."))
        }
    }

    private func setupPath(_ serial: String, user: String?) -> String {
        Links.path("/mfa/setup", [("device", serial)] + Links.owner(user))
    }

    // MARK: - Step 2: QR code, secret key, two codes

    func setupPage(_ visit: Visit) throws -> ConsoleResponse {
        try setupResponse(visit, serial: visit.request.parameter("device") ?? "", error: nil)
    }

    private func setupResponse(_ visit: Visit, serial: String, error: ErrorView?) throws -> ConsoleResponse {
        let session = try visit.session()
        guard let enrollment = memory.enrollment(session: session.id, serial: serial, now: simulator.clock.realNow())
        else {
            return renderer.problem(
                visit, title: "Set up device",
                message:
                    "This device's QR code and secret key are no longer shown: they are shown only while the device is being set up, in the session that created it. Remove the device (My security credentials, Devices awaiting activation) and assign a new one.",
                status: 404)
        }
        let created = enrollment.device.created
        let owner = enrollment.userName
        return renderer.page(
            visit, title: "Set up device", template: "mfa-setup",
            view: SetupView(
                name: created.device.deviceName, serial: created.device.serialNumber, secret: created.base32StringSeed,
                qrHref: Links.path(base + "/mfa/qr.png", [("device", created.device.serialNumber)]), owner: owner),
            status: error?.status ?? 200, section: credentialsSection(user: owner), error: error)
    }

    /// The QR code of a device being set up: the same PNG as `CreateVirtualMFADevice`'s
    /// `QRCodePNG` (`QRImage`), for the session that created the device only.
    func qrImage(_ visit: Visit) throws -> ConsoleResponse {
        let session = try visit.session()
        guard
            let enrollment = memory.enrollment(
                session: session.id, serial: visit.request.parameter("device") ?? "", now: simulator.clock.realNow())
        else {
            return ConsoleResponse(
                status: 404, headers: [("Content-Type", "text/plain; charset=utf-8")],
                body: Array("No such QR code.\n".utf8))
        }
        return ConsoleResponse(
            status: 200, headers: [("Content-Type", "image/png")], body: enrollment.device.qr.pngBytes)
    }

    /// Add MFA: `EnableMFADevice` with the two codes.
    func activate(_ visit: inout Visit) throws -> ConsoleResponse {
        let session = try visit.session()
        let request = visit.request
        let serial = request.field("device") ?? ""
        let user = request.field("user")
        do {
            let device = try store.enableMFADevice(
                caller: .session(id: session.id, origin: visit.request.client), serialNumber: serial,
                code1: request.field("code1") ?? "",
                code2: request.field("code2") ?? "", userName: user)
            memory.forgetEnrollment(session: session.id, serial: serial)
            return visit.redirect(
                mfaPath(user: user),
                flash:
                    "MFA device \(device.deviceName) is assigned\(user.map { " to \($0)" } ?? ""). Signing in now takes a code from it."
            )
        } catch {
            return try setupResponse(visit, serial: serial, error: Self.codeError(error))
        }
    }

    /// A refused pair, explained for the wizard and the resync page.
    static func codeError(_ error: any Error) -> ErrorView {
        guard let refused = error as? RefusedCodeError else { return ErrorView(error) }
        return ErrorView(
            title: refused.error.code, message: refused.error.message, explanation: CodeAdvice.pair(refused.refusal),
            status: refused.error.httpStatus)
    }

    // MARK: - Hardware TOTP token

    private func hardwarePage(_ visit: Visit, name: String, serial: String?, user: String?, error: ErrorView?)
        -> ConsoleResponse
    {
        let account = visit.openSession?.principal.accountID
        let tokens = account.flatMap { try? simulator.hardwareTokens(for: $0).displays().map(\.serialNumber) } ?? []
        return renderer.page(
            visit, title: "Set up hardware TOTP token", template: "mfa-hardware",
            view: HardwareView(
                name: name, serial: serial, owner: user, tokens: tokens.isEmpty ? nil : tokens.joined(separator: ", "),
                cancelHref: base + mfaPath(user: user)),
            status: error?.status ?? 200, section: credentialsSection(user: user), error: error)
    }

    /// Add MFA for a hardware token: `EnableMFADevice` by its serial number.
    func activateHardware(_ visit: inout Visit) throws -> ConsoleResponse {
        let caller = try visit.caller()
        let request = visit.request
        let user = request.field("user")
        let name = request.field("name") ?? ""
        let serial = request.field("serial") ?? ""
        do {
            let device = try store.enableHardwareMFADevice(
                caller: caller, deviceName: name, serialNumber: serial, code1: request.field("code1") ?? "",
                code2: request.field("code2") ?? "", userName: user)
            return visit.redirect(
                mfaPath(user: user),
                flash:
                    "Hardware MFA device \(device.deviceName) (serial \(device.serialNumber)) is assigned and active.")
        } catch {
            return hardwarePage(visit, name: name, serial: serial, user: user, error: Self.codeError(error))
        }
    }

    // MARK: - Resync and Remove

    /// The device `serial` of the caller's account, for a page that names it.
    private func device(_ visit: Visit, serial: String) throws -> MFADevice {
        guard let device = try store.findMFADevice(serialNumber: serial, caller: try visit.caller()) else {
            throw IAMError.noSuchMFADevice(serial)
        }
        return device
    }

    /// The page of the device `serial` (Resync or Remove), with `error` when its form was refused.
    private func devicePage(
        _ visit: Visit, title: String, template: String, serial: String, user: String?, error: ErrorView? = nil
    ) throws -> ConsoleResponse {
        let device = try device(visit, serial: serial)
        return renderer.page(
            visit, title: title, template: template,
            view: DeviceView(
                name: device.deviceName, serial: device.serialNumber, owner: user, virtual: device.type == .virtual,
                cancelHref: base + mfaPath(user: user)),
            status: error?.status ?? 200, section: credentialsSection(user: user), error: error)
    }

    func deviceResyncPage(_ visit: Visit) throws -> ConsoleResponse {
        try devicePage(
            visit, title: "Resync MFA device", template: "mfa-resync", serial: visit.request.parameter("device") ?? "",
            user: visit.request.parameter("user"))
    }

    /// `ResyncMFADevice` with two codes.
    func deviceResync(_ visit: inout Visit) throws -> ConsoleResponse {
        let caller = try visit.caller()
        let request = visit.request
        let user = request.field("user")
        let serial = request.field("device") ?? ""
        do {
            let device = try store.resyncMFADevice(
                caller: caller, serialNumber: serial, code1: request.field("code1") ?? "",
                code2: request.field("code2") ?? "", userName: user)
            return visit.redirect(mfaPath(user: user), flash: "MFA device \(device.deviceName) is resynchronized.")
        } catch {
            return try devicePage(
                visit, title: "Resync MFA device", template: "mfa-resync", serial: serial, user: user,
                error: Self.codeError(error))
        }
    }

    func removeDevicePage(_ visit: Visit) throws -> ConsoleResponse {
        try devicePage(
            visit, title: "Remove MFA device", template: "mfa-remove", serial: visit.request.parameter("device") ?? "",
            user: visit.request.parameter("user"))
    }

    /// Remove: `removeMFADevice` (deactivate, then delete a virtual device), as the CLI's `mfa remove`.
    func removeDevice(_ visit: inout Visit) throws -> ConsoleResponse {
        let session = try visit.session()
        let request = visit.request
        let user = request.field("user")
        let serial = request.field("device") ?? ""
        let device = try simulator.removeMFADevice(caller: try visit.caller(), serialNumber: serial, userName: user)
        memory.forgetEnrollment(session: session.id, serial: serial)
        return visit.redirect(mfaPath(user: user), flash: "MFA device \(device.deviceName) is removed.")
    }
}
