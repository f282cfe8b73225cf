import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDevices

/// The phone page, for trainees without a phone: the account's authenticator (the same data
/// as `iamsim authenticator`), which adds an account from a QR code image (decoded by the same
/// reader as `authenticator scan`) or a secret key, and shows the codes with their countdown.
///
/// It works signed out too (the sign-in page asks for its code): it shows the phone of the
/// account this browser last signed in to (`Visit.boundAccount`).
extension Console {
    struct PhoneView {
        var paired: Bool
        var accountID: String
        var clock: String
        var codes: [CodeRow]
        var tokens: [TokenRow]
    }

    struct CodeRow {
        var name: String
        var label: String
        var code: String
        var seconds: Int
        var ticking: Bool
    }

    struct TokenRow {
        var serial: String
        var code: String
        var seconds: Int
        var ticking: Bool
    }

    func phonePage(_ visit: Visit) throws -> ConsoleResponse {
        try phoneResponse(visit, error: nil)
    }

    private func phoneResponse(_ visit: Visit, error: ErrorView?) throws -> ConsoleResponse {
        guard let account = visit.boundAccount() else {
            return renderer.page(
                visit, title: "Phone", template: "phone",
                view: PhoneView(
                    paired: false, accountID: "", clock: "", codes: [], tokens: []),
                status: error?.status ?? 200, section: .phone, error: error)
        }
        let reading = try simulator.clock.read(account: account)
        let ticking = !reading.isSimulated
        // Reading the codes is looking at the phone: the lesson sees codes 1 and 2 this way.
        let codes = try simulator.authenticator(for: account).codes()
        let tokens = try simulator.hardwareTokens(for: account).displays()
        let soonest = (codes.map(\.secondsRemaining) + tokens.map(\.secondsRemaining)).min()
        return renderer.page(
            visit, title: "Phone", template: "phone",
            view: PhoneView(
                paired: true, accountID: account.rawValue,
                clock: ticking
                    ? "real time, \(Timestamp.readable(reading.date))"
                    : "simulated, standing still at \(Timestamp.readable(reading.date))",
                codes: codes.map { code in
                    CodeRow(
                        name: code.account.displayName, label: code.account.label, code: code.code,
                        seconds: code.secondsRemaining, ticking: ticking)
                },
                tokens: tokens.map {
                    TokenRow(serial: $0.serialNumber, code: $0.code, seconds: $0.secondsRemaining, ticking: ticking)
                }),
            status: error?.status ?? 200, section: .phone, error: error,
            // Without script, the page reloads itself when the first code changes.
            refresh: ticking ? soonest.map { max($0, 1) } : nil)
    }

    /// The authenticator of the account this browser shows.
    ///
    /// - Throws: `ErrorView` when the browser is paired with no account.
    private func phone(_ visit: Visit) throws -> Authenticator {
        guard let account = visit.boundAccount() else {
            throw ErrorView(
                title: "No phone",
                message: "Sign in to the console in this browser first: the phone page shows that account's phone.")
        }
        return simulator.authenticator(for: account)
    }

    /// Adds the account a QR code image holds (`Authenticator.scan`).
    func phoneScan(_ visit: inout Visit) throws -> ConsoleResponse {
        let authenticator = try phone(visit)
        guard let file = visit.request.files["qr"], !file.bytes.isEmpty else {
            return try phoneResponse(
                visit, error: ErrorView(title: "No image", message: "Choose a PNG image of the QR code."))
        }
        do {
            let scanned = try authenticator.scan(png: file.bytes, label: visit.request.field("label"))
            return visit.redirect("/phone", flash: "Scanned the QR code: added \(scanned.account.displayName).")
        } catch {
            return try phoneResponse(visit, error: ErrorView(error))
        }
    }

    /// Adds an account from a typed secret key (`Authenticator.add(secret:label:)`).
    func phoneAdd(_ visit: inout Visit) throws -> ConsoleResponse {
        let authenticator = try phone(visit)
        do {
            let account = try authenticator.add(
                secret: visit.request.field("secret") ?? "", label: visit.request.field("label"))
            return visit.redirect("/phone", flash: "Added \(account.displayName).")
        } catch {
            return try phoneResponse(visit, error: ErrorView(error))
        }
    }

    func phoneRemove(_ visit: inout Visit) throws -> ConsoleResponse {
        let label = visit.request.field("label") ?? ""
        try phone(visit).remove(label: label)
        return visit.redirect("/phone", flash: "Removed \(label) from the phone.")
    }
}
