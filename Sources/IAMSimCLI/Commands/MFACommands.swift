import ArgumentParser
import Foundation
import IAMSimCore
import IAMSimStore

/// `iamsim mfa …`: the signed-in identity's MFA devices.
struct MFACommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mfa",
        abstract: "Assign, activate, list, resync and remove MFA devices.",
        subcommands: [Assign.self, Activate.self, List.self, Resync.self, Remove.self])

    struct Assign: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a virtual MFA device and show what to add to an authenticator (CreateVirtualMFADevice).")
        static let operationName = "CreateVirtualMFADevice"
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A name for the device, such as root-mfa.") var name: String
        @Flag(help: "Print the secret key, to type into an authenticator instead of scanning.") var showSecret = false

        func execute(in context: CommandContext) throws -> any Renderable {
            let created = try context.store().createVirtualMFADevice(caller: context.caller, deviceName: name)
            return AssignedDevice(created: created, showSecret: showSecret)
        }
    }

    struct Activate: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Activate a device with two consecutive codes from its authenticator (EnableMFADevice).")
        static let operationName = "EnableMFADevice"
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name or serial number.") var name: String
        @OptionGroup var codes: CodePair

        func execute(in context: CommandContext) throws -> any Renderable {
            let (code1, code2) = try codes.resolve(context.console)
            let device = try context.store().enableMFADevice(caller: context.caller, device: name, code1: code1, code2: code2)
            let owner = device.assignedTo?.displayName ?? "you"
            return Message(
                text: "MFA device \(device.deviceName) is assigned to the \(owner) and active. Signing in now takes a code from it.",
                json: .object([]))
        }
    }

    struct List: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "List your MFA devices and any awaiting activation (ListVirtualMFADevices).")
        static let operationName = "ListVirtualMFADevices"
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            DeviceList(devices: try context.store().listMFADevices(caller: context.caller))
        }
    }

    struct Resync: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resynchronize a device whose codes are refused, with two consecutive codes (ResyncMFADevice).")
        static let operationName = "ResyncMFADevice"
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name or serial number.") var name: String
        @OptionGroup var codes: CodePair

        func execute(in context: CommandContext) throws -> any Renderable {
            let (code1, code2) = try codes.resolve(context.console)
            let device = try context.store().resyncMFADevice(caller: context.caller, device: name, code1: code1, code2: code2)
            return Message(text: "Resynchronized \(device.deviceName): \(DeviceList.syncDescription(device)).", json: .object([]))
        }
    }

    struct Remove: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deactivate a device and delete it if virtual (DeactivateMFADevice, DeleteVirtualMFADevice).")
        static let operationName = "DeactivateMFADevice"
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name or serial number.") var name: String

        func execute(in context: CommandContext) throws -> any Renderable {
            let device = try context.store().removeMFADevice(caller: context.caller, device: name)
            let what = device.type == .virtual ? "deactivated and deleted" : "deactivated"
            return Message(text: "Removed MFA device \(device.deviceName) (\(what)).", json: .object([]))
        }
    }
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
    var showSecret: Bool

    func text(_ style: TextStyle) -> String {
        let name = created.device.deviceName
        var lines = [
            "Created virtual MFA device \(name).",
            "  Serial number: \(created.device.serialNumber)",
        ]
        if showSecret { lines.append("  Secret key:    \(created.base32StringSeed)") }
        lines += [
            "",
            "Add it to your authenticator app (the QR code holds this URI):",
            "  \(created.uri)",
            "  iamsim authenticator add --uri '\(created.uri)'",
            "Then enter two consecutive codes:",
            "  iamsim mfa activate \(name) --code1 CODE1 --code2 CODE2",
        ]
        return lines.joined(separator: "\n")
    }

    var json: JSONValue {
        .object([
            "VirtualMFADevice": .object([
                "SerialNumber": .string(created.device.serialNumber),
                // Blobs are base64 in AWS's answers; this one is the base32 text's bytes.
                "Base32StringSeed": .string(Data(created.base32StringSeed.utf8).base64EncodedString()),
            ]),
            "OTPAuthURI": .string(created.uri),
        ])
    }
}

struct DeviceList: Renderable {
    var devices: [MFADevice]

    func text(_ style: TextStyle) -> String {
        guard !devices.isEmpty else { return "No MFA devices. Assign one with: iamsim mfa assign NAME" }
        return TextTable(
            headers: ["NAME", "TYPE", "SERIAL NUMBER", "ASSIGNED TO", "ENABLED", "SYNC"],
            rows: devices.map { device in
                [
                    device.deviceName, device.type.rawValue, device.serialNumber,
                    device.assignedTo?.displayName ?? "(awaiting activation)",
                    device.enableDate.map(Timestamp.readable) ?? "-",
                    device.isActive ? Self.syncDescription(device) : "-",
                ]
            }
        ).rendered()
    }

    var json: JSONValue {
        .object(["VirtualMFADevices": .array(devices.map(\.json)), "IsTruncated": .bool(false)])
    }

    /// `in sync`, or how far the device's clock is off as the last resync measured it.
    static func syncDescription(_ device: MFADevice) -> String {
        guard device.drift != 0 else { return "in sync" }
        let steps = abs(device.drift)
        let unit = steps == 1 ? "step" : "steps"
        return "\(steps) \(unit) (\(steps * 30) s) \(device.drift < 0 ? "behind" : "ahead"), compensated"
    }
}
