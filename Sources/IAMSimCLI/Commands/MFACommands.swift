import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim mfa …`: the signed-in identity's MFA devices.
struct MFACommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mfa",
        abstract: "Assign, activate, list, show, resync and remove MFA devices.",
        subcommands: [Assign.self, Activate.self, List.self, ListVirtual.self, Get.self, Resync.self, Remove.self])

    struct Assign: ConsoleCommand {
        static let action = CommandAction(
            "assign", performs: .createVirtualMFADevice, "Create a virtual MFA device and show its QR code",
            discussion: """
                The QR code is drawn for a terminal with light text on a dark background; pass \
                --light-terminal for dark text on a light background, --qr-png FILE for an image \
                (written with mode 0600), or --show-secret for the secret key instead.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A name for the device, such as root-mfa.") var name: String
        @Flag(help: "Print the secret key instead of the QR code (\"Show secret key\").") var showSecret = false
        @Option(help: ArgumentHelp("Also write the QR code as a PNG image to this file.", valueName: "file"))
        var qrPng: String?
        @Flag(help: "Replace the --qr-png file if it already exists.") var force = false
        @Flag(help: "Draw the QR code for a terminal with dark text on a light background.") var lightTerminal = false
        @Option(help: "The kind of device: authenticator-app, hardware-totp or security-key.")
        var type: DeviceChoice = .authenticatorApp
        @Option(help: "For a hardware TOTP token: the serial number printed on it (iamsim hardware-tokens).")
        var serial: String?
        @Option(help: "For a hardware TOTP token: assign it to this IAM user instead of yourself.") var user: String?
        @OptionGroup var codes: CodePair

        func validate() throws {
            guard !force || qrPng != nil else {
                throw ValidationError("--force replaces the file given with --qr-png; give that option too.")
            }
            if type == .hardwareTOTP, serial == nil {
                throw ValidationError("A hardware TOTP token needs --serial SERIAL (iamsim hardware-tokens shows it).")
            }
            if type != .hardwareTOTP, serial != nil || codes.code1 != nil || codes.code2 != nil {
                throw ValidationError(
                    "--serial and codes are only for --type hardware-totp; activate an app's device with: iamsim mfa activate NAME"
                )
            }
        }

        func execute(in context: CommandContext) throws -> any Renderable {
            switch type {
            case .authenticatorApp: return try assignVirtual(context)
            case .securityKey: throw DeviceChoice.securityKeyNotSimulated
            case .hardwareTOTP:
                let (code1, code2) = try codes.resolve(context.console)
                let device = try context.store().enableHardwareMFADevice(
                    caller: context.caller, deviceName: name, serialNumber: serial ?? "", code1: code1, code2: code2,
                    userName: user)
                return Message(
                    text:
                        "Hardware MFA device \(device.deviceName) (serial \(device.serialNumber)) is assigned to the \(device.assignedTo?.displayName ?? "you") and active.",
                    json: .object([]))
            }
        }

        func hint(for error: IAMError, refusal: CodeRefusal?) -> String? {
            CodePair.hint(for: error, refusal: refusal, window: .activation)
        }

        func assignVirtual(_ context: CommandContext) throws -> any Renderable {
            // Check the image's path first: a path that cannot be written must not leave a device behind.
            let output = try qrPng.map { try SecretFile(path: $0, replacing: force) }
            let enrolled = try context.simulator().enrollVirtualMFADevice(
                caller: context.caller, deviceName: name, drawingPNG: output != nil || global.output == .json)
            try output?.write(enrolled.qr.pngBytes)
            return AssignedDevice(
                created: enrolled.created, qr: enrolled.qr, showSecret: showSecret, lightTerminal: lightTerminal,
                pngPath: qrPng)
        }
    }

    struct Activate: ConsoleCommand {
        static let action = CommandAction(
            "activate", performs: .enableMFADevice,
            "Activate a device with two consecutive codes from its authenticator")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name or serial number.") var name: String
        @OptionGroup var codes: CodePair
        @Option(help: "Assign the device to this IAM user instead of yourself.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            let (code1, code2) = try codes.resolve(context.console)
            let device = try context.store().enableMFADevice(
                caller: context.caller, serialNumber: context.mfaDeviceSerial(name), code1: code1, code2: code2,
                userName: user)
            let owner = device.assignedTo?.displayName ?? "you"
            return Message(
                text:
                    "MFA device \(device.deviceName) is assigned to the \(owner) and active. Signing in now takes a code from it.",
                json: .object([]))
        }

        func hint(for error: IAMError, refusal: CodeRefusal?) -> String? {
            CodePair.hint(for: error, refusal: refusal, window: .activation)
        }
    }

    struct List: ConsoleCommand {
        static let action = CommandAction(
            "list", performs: .listMFADevices, "List your MFA devices and any awaiting activation",
            alsoNaming: [.listVirtualMFADevices],
            discussion: """
                The console's MFA section: the identity's devices of every type (ListMFADevices), \
                then the account's virtual devices awaiting activation (ListVirtualMFADevices). \
                JSON is ListMFADevices' answer; list devices awaiting activation with: \
                iamsim mfa list-virtual --assignment-status Unassigned
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "An IAM user's devices instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            let store = try context.store()
            let assigned = try store.listMFADevices(caller: context.caller, userName: user).items
            let pending = try store.listVirtualMFADevices(caller: context.caller, assignmentStatus: .unassigned).items
            return DeviceList(devices: assigned, pending: pending)
        }
    }

    struct ListVirtual: ConsoleCommand {
        static let action = CommandAction(
            "list-virtual", performs: .listVirtualMFADevices,
            abstract: "List the account's virtual MFA devices (\(IAMAction.listVirtualMFADevices.rawValue)); "
                + "hardware tokens are not virtual.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Assigned, Unassigned or Any (the default, as in AWS).")
        var assignmentStatus: AssignmentStatusChoice = .any

        func execute(in context: CommandContext) throws -> any Renderable {
            VirtualDeviceList(
                devices: try context.store().listVirtualMFADevices(
                    caller: context.caller, assignmentStatus: assignmentStatus.status
                ).items)
        }
    }

    struct Get: ConsoleCommand {
        static let action = CommandAction(
            "get", performs: .getMFADevice, "Show one of your MFA devices, virtual or hardware",
            discussion: """
                AWS documents GetMFADevice for security keys, which iamsim does not simulate; \
                iamsim answers it for the devices it has. A device awaiting activation is nobody's: \
                see it with iamsim mfa list.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name or serial number.") var name: String
        @Option(help: "An IAM user's device instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            DeviceView(
                device: try context.store().getMFADevice(
                    caller: context.caller, serialNumber: context.mfaDeviceSerial(name), userName: user))
        }
    }

    struct Resync: ConsoleCommand {
        static let action = CommandAction(
            "resync", performs: .resyncMFADevice,
            "Resynchronize a device whose codes are refused, with two consecutive codes",
            discussion: """
                Signed in, it resyncs your device. Locked out or unable to sign in, give --email: \
                as on the console's "Troubleshoot MFA" page, the password proves who you are, and \
                a successful resync also lifts an MFA lockout.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name or serial number.") var name: String
        @OptionGroup var codes: CodePair
        @Option(help: "Resync before signing in: the root user's email (asks for the password).") var email: String?
        @Flag(help: "With --email: read the password from the first line of standard input.") var passwordStdin = false
        @Option(help: "An IAM user's devices instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            let store = try context.store()
            let device: MFADevice
            if let email {
                let password = try PasswordInput.read(context.console, fromStandardInput: passwordStdin)
                let (code1, code2) = try codes.resolve(context.console)
                device = try context.sessions().resyncMFADevice(
                    email: email, password: password, device: name, code1: code1, code2: code2,
                    account: try context.selectedAccount())
            } else {
                let (code1, code2) = try codes.resolve(context.console)
                device = try store.resyncMFADevice(
                    caller: context.caller, serialNumber: context.mfaDeviceSerial(name), code1: code1, code2: code2,
                    userName: user)
            }
            return Message(
                text: "Resynchronized \(device.deviceName): \(DeviceList.syncDescription(device)).", json: .object([]))
        }

        func hint(for error: IAMError, refusal: CodeRefusal?) -> String? {
            CodePair.hint(for: error, refusal: refusal, window: .resync)
        }
    }

    struct Remove: ConsoleCommand {
        static let action = CommandAction(
            "remove", performs: .deactivateMFADevice, "Deactivate a device and delete it if virtual",
            alsoNaming: [.deleteVirtualMFADevice])
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name or serial number.") var name: String
        @Option(help: "An IAM user's devices instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            let device = try context.simulator().removeMFADevice(
                caller: context.caller, serialNumber: context.mfaDeviceSerial(name), userName: user)
            let what = device.type == .virtual ? "deactivated and deleted" : "deactivated"
            return Message(text: "Removed MFA device \(device.deviceName) (\(what)).", json: .object([]))
        }
    }
}

extension CommandContext {
    /// The serial number the device name or serial `text` stands for in the caller's account
    /// (`IAMStore.mfaDeviceSerial`); the text as is when it cannot be looked up (no session,
    /// say), so that the operation answers.
    func mfaDeviceSerial(_ text: String) -> String {
        (try? store().mfaDeviceSerial(nameOrSerial: text, caller: caller)) ?? text
    }
}

/// The console's choices in "Assign MFA device".
enum DeviceChoice: String, ExpressibleByArgument, CaseIterable {
    case authenticatorApp = "authenticator-app"
    case hardwareTOTP = "hardware-totp"
    case securityKey = "security-key"

    static let securityKeyNotSimulated = CommandError(
        message:
            "Security keys (FIDO2/WebAuthn) are not simulated: they need a browser and a physical key. Choose an authenticator app (the default) or a hardware TOTP token (--type hardware-totp --serial SERIAL)."
    )
}

/// `--code1`/`--code2`, prompted for on a terminal when left out.
struct CodePair: ParsableArguments {
    @Option(help: "The code the authenticator shows now.") var code1: String?
    @Option(help: "The next code, after the authenticator changes it.") var code2: String?

    func resolve(_ console: Console) throws -> (String, String) {
        if let code1, let code2 { return (code1, code2) }
        guard console.isInteractive else {
            throw CommandError(
                message: "Give both codes: --code1 CODE --code2 NEXT_CODE (iamsim authenticator codes shows them).")
        }
        let first = try code1 ?? Self.ask("MFA code 1: ", console)
        let second = try code2 ?? Self.ask("MFA code 2 (wait for the next code): ", console)
        return (first, second)
    }

    /// Which operation's window refused the pair, for the hint.
    enum Window {
        /// `EnableMFADevice`: code 2 from 10 steps behind to 1 step ahead of now.
        case activation
        /// `ResyncMFADevice`: code 2 up to 20 steps either side of now.
        case resync

        /// The window in words, from `MFACodeRules`' constants (30-second steps).
        var rule: String {
            switch self {
            case .activation:
                "activation takes codes at most \(MFACodeRules.pairLookBehind / 2) minutes old and at most \(MFACodeRules.pairLookAhead * 30) s ahead"
            case .resync: "resync takes codes at most \(MFACodeRules.resyncReach / 2) minutes either side"
            }
        }
    }

    /// What to do after a refused pair: nothing changed; why it was refused, and how to get
    /// two codes that work.
    static func hint(for error: IAMError, refusal: CodeRefusal?, window: Window) -> String? {
        guard case .invalidAuthenticationCode = error else { return nil }
        let fresh =
            "Enter the code the authenticator shows now as code 1, wait until it changes, and enter the new one as code 2 (iamsim authenticator codes; iamsim clock advance 30s on a simulated clock)."
        switch refusal {
        case nil:
            return "Nothing changed. \(fresh) Codes must be consecutive, unused, and at most 5 minutes old."
        case .identical:
            return
                "Nothing changed. Code 1 and code 2 are the same code: code 2 must be read after the authenticator changes it. \(fresh)"
        case .wrong:
            return
                "Nothing changed. These are not this device's codes: check that you read the authenticator's entry for this device (iamsim authenticator codes) and typed both codes correctly."
        case .notConsecutive:
            return
                "Nothing changed. Both codes are this device's, but not consecutive: code 2 must be the very next code after code 1, with none skipped. \(fresh)"
        case .tooFarFromNow(let steps):
            return
                "Nothing changed. The codes are consecutive, but from \(Self.distance(steps)) \(steps < 0 ? "behind" : "ahead of") iamsim's clock, and \(window.rule). If the phone's clock is wrong, set it to automatic (network) time; if the codes were typed late, use two fresh ones."
        case .alreadyUsed:
            return
                "Nothing changed. These codes were already used (to activate the device, resync it or sign in), and each code works once. Wait for the next two codes."
        case .simulatedClockStopped:
            return
                "Nothing changed. iamsim's clock is simulated and stands still, but these codes match real time: the authenticator reads real time. Return to real time with: iamsim clock real (or read the codes from iamsim authenticator codes, which follows the simulated clock)."
        }
    }

    /// `3 steps (90 s)`, `25 steps (12.5 minutes)`, `240 steps (2 hours)`: seconds up to 10
    /// minutes, as `mfa list` shows drift.
    static func distance(_ steps: Int64) -> String {
        let count = abs(steps)
        let seconds = count * 30
        let unit = count == 1 ? "step" : "steps"
        let length =
            switch seconds {
            case ..<600: "\(seconds) s"
            case ..<7_200: "\(Self.number(Double(seconds) / 60)) minutes"
            default: "\(Self.number(Double(seconds) / 3_600)) hours"
            }
        return "\(count) \(unit) (\(length))"
    }

    /// A number with at most one decimal, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func ask(_ prompt: String, _ console: Console) throws -> String {
        guard let answer = console.prompt(prompt, false) else {
            throw CommandError(message: "No code entered.", status: ExitStatus.interrupted)
        }
        return answer.trimmingCharacters(in: .whitespaces)
    }
}

// MARK: - Output

struct AssignedDevice: Renderable {
    var created: NewVirtualMFADevice
    var qr: QRImage
    var showSecret: Bool
    var lightTerminal: Bool
    var pngPath: String?

    func text(_ style: TextStyle) -> String {
        let name = created.device.deviceName
        var lines = [
            "Created virtual MFA device \(name).",
            "  Serial number: \(created.device.serialNumber)",
            "",
        ]
        if showSecret {
            lines += [
                "Type this secret key into your authenticator app (time-based, 6 digits, 30 seconds):",
                "  \(created.base32StringSeed)",
                "  or: iamsim authenticator add --secret \(created.base32StringSeed) --label \(name)",
            ]
        } else {
            lines += [
                "Scan this QR code with your authenticator app:", qr.terminalText(lightTerminal: lightTerminal), "",
            ]
            lines += [
                "Or add it to iamsim's authenticator (the QR code holds this URI):",
                "  iamsim authenticator add --uri '\(created.uri)'",
            ]
        }
        if let pngPath { lines.append("QR code image written to \(pngPath).") }
        lines += [
            "",
            "Then enter two consecutive codes:",
            "  iamsim mfa activate \(name) --code1 CODE1 --code2 CODE2",
        ]
        return lines.joined(separator: "\n")
    }

    /// `CreateVirtualMFADevice`'s answer, plus iamsim's `OTPAuthURI` (what the QR code holds).
    var json: JSONValue {
        JSONValue(Shapes.createVirtualMFADevice(created, qrCodePNG: qr.pngBytes)).adding([
            "OTPAuthURI": .string(created.uri)
        ])
    }
}

/// `mfa list`: the identity's devices, then the account's virtual devices awaiting activation.
struct DeviceList: Renderable {
    /// `ListMFADevices`: the identity's devices.
    var devices: [MFADevice]
    /// Virtual devices assigned to no one (text only).
    var pending: [MFADevice] = []

    func text(_ style: TextStyle) -> String {
        let rows = devices + pending
        return TextTable(
            headers: ["NAME", "TYPE", "SERIAL NUMBER", "ASSIGNED TO", "ENABLED", "SYNC"],
            rows: rows.map { device in
                [
                    device.deviceName, device.type.rawValue, device.serialNumber,
                    device.assignedTo?.displayName ?? "(awaiting activation)",
                    device.enableDate.map(Timestamp.readable) ?? "-",
                    device.isActive ? Self.syncDescription(device) : "-",
                ]
            }
        ).rendered(empty: "No MFA devices. Assign one with: iamsim mfa assign NAME")
    }

    /// `ListMFADevices`' shape, every type of device, plus iamsim's `DeviceName`, `Type` and `Drift`.
    var json: JSONValue {
        JSONValue(Shapes.listMFADevices(devices, isTruncated: false, marker: nil))
            .updatingItems(of: "MFADevices", with: devices) { item, device in
                item.adding([
                    "DeviceName": .string(device.deviceName), "Type": .string(device.type.rawValue),
                    "Drift": .int(Int(device.drift)),
                ])
            }
    }

    /// `in sync`, or how far the device's clock is off as the last resync measured it.
    static func syncDescription(_ device: MFADevice) -> String {
        guard device.drift != 0 else { return "in sync" }
        let steps = abs(device.drift)
        let unit = steps == 1 ? "step" : "steps"
        return "\(steps) \(unit) (\(steps * 30) s) \(device.drift < 0 ? "behind" : "ahead"), compensated"
    }
}

/// `mfa get`: `GetMFADevice`.
struct DeviceView: Renderable {
    var device: MFADevice

    func text(_ style: TextStyle) -> String {
        """
        Name:          \(device.deviceName)
        Serial number: \(device.serialNumber)
        Type:          \(device.type.rawValue)
        Assigned to:   \(device.assignedTo?.displayName ?? "(awaiting activation)")
        Enabled:       \(device.enableDate.map(Timestamp.readable) ?? "-")
        Sync:          \(DeviceList.syncDescription(device))
        """
    }

    /// AWS's shape: `UserName` (root's is the account id, as in `mfa list`), `SerialNumber`,
    /// `EnableDate`; no `Certifications`, which only security keys have.
    var json: JSONValue {
        .object([
            "UserName": .string(device.assignedTo?.userName ?? device.assignedTo?.accountID.rawValue),
            "SerialNumber": .string(device.serialNumber),
            "EnableDate": .date(device.enableDate),
        ])
    }
}

/// `mfa list-virtual`: `ListVirtualMFADevices`.
struct VirtualDeviceList: Renderable {
    var devices: [MFADevice]

    func text(_ style: TextStyle) -> String {
        TextTable(
            headers: ["NAME", "SERIAL NUMBER", "ASSIGNED TO", "ENABLED"],
            rows: devices.map { device in
                [
                    device.deviceName, device.serialNumber, device.assignedTo?.displayName ?? "(awaiting activation)",
                    device.enableDate.map(Timestamp.readable) ?? "-",
                ]
            }
        ).rendered(empty: "No virtual MFA devices.")
    }

    /// AWS's shape exactly: `SerialNumber`, then `User` and `EnableDate` once assigned; no seeds.
    var json: JSONValue { JSONValue(Shapes.listVirtualMFADevices(devices, isTruncated: false, marker: nil)) }
}

/// `--assignment-status`: AWS's `AssignmentStatus` values, in any case.
enum AssignmentStatusChoice: String, ExpressibleByArgument, CaseIterable {
    case assigned = "Assigned"
    case unassigned = "Unassigned"
    case any = "Any"

    init?(argument: String) {
        guard let choice = Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else {
            return nil
        }
        self = choice
    }

    var status: MFAAssignmentStatus {
        switch self {
        case .assigned: .assigned
        case .unassigned: .unassigned
        case .any: .any
        }
    }
}
