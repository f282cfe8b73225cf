import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimDatabase
import IAMSimStore

/// `iamsim clock …`: each account's simulated clock.
struct ClockCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "Show, set or advance the account's simulated clock (--all: every account's).",
        discussion: """
            Each account has its own clock, which every part of iamsim reads for that account: \
            its codes, sessions and events. It follows real time until you set or advance it. A \
            simulated clock stands still until you move it again, so codes and sessions change \
            only when you say so; 'iamsim clock real' returns to real time. The clock commands \
            act on the selected account (--account or $IAMSIM_ACCOUNT), else the signed-in one; \
            an instructor moves the whole class with --all.
            """,
        subcommands: [Show.self, Set.self, Advance.self, Real.self],
        defaultSubcommand: Show.self)

    /// `--all`: every account's clock instead of one.
    struct Scope: ParsableArguments {
        @Flag(help: "Every account's clock, not only the selected one.") var all = false

        func resolve(_ context: CommandContext) throws -> SimulationClock.Scope {
            all ? .all : .account(try context.currentAccount())
        }
    }

    struct Show: ConsoleCommand {
        static let action = CommandAction("show", performs: .showClock, "Show the time and whether it is simulated")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: Scope

        func execute(in context: CommandContext) throws -> any Renderable {
            let clock = try context.store().clock
            switch try scope.resolve(context) {
            case .all: return ClockReadings(readings: try clock.readAll())
            case .account(let account): return ClockReading(reading: try clock.read(account: account))
            }
        }
    }

    struct Set: ConsoleCommand {
        static let action = CommandAction("set", performs: .setClock, "Stop the clock at an ISO-8601 time")
        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(
                "The time in ISO 8601: 2026-11-29T09:00:00Z, 2026-11-29T10:00:00+01:00, 2026-11-29T09:00 (UTC), or 2026-11-29 (midnight UTC).",
                valueName: "time"),
            transform: ArgumentValue.time)
        var time: Date
        @OptionGroup var scope: Scope

        func execute(in context: CommandContext) throws -> any Renderable {
            ClockReadings.result(try context.store().clock.set(time, try scope.resolve(context)), scope: scope)
        }
    }

    struct Advance: ConsoleCommand {
        static let action = CommandAction(
            "advance", performs: .advanceClock,
            "Move the clock forward, such as by 30s, 2m or 1h (a real clock becomes simulated)")
        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp("How far: 30s, 2m, 1h, 1d or a mix like 1h30m.", valueName: "duration"),
            transform: ArgumentValue.duration)
        var duration: ClockDuration
        @OptionGroup var scope: Scope

        func execute(in context: CommandContext) throws -> any Renderable {
            ClockReadings.result(
                try context.store().clock.advance(by: duration, try scope.resolve(context)), scope: scope)
        }
    }

    struct Real: ConsoleCommand {
        static let action = CommandAction("real", performs: .useRealClock, "Return to real time")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: Scope

        func execute(in context: CommandContext) throws -> any Renderable {
            ClockReadings.result(try context.store().clock.useRealTime(try scope.resolve(context)), scope: scope)
        }
    }
}

struct ClockReading: Renderable {
    var reading: SimulationClock.Reading

    func text(_ style: TextStyle) -> String {
        let time = Timestamp.readable(reading.date)
        let left = TOTP.secondsRemaining(at: reading.date)
        return reading.isSimulated
            ? "\(time) (simulated; stopped until you move it; the current 30-second MFA step ends in \(left) s)"
            : "\(time) (real time)"
    }

    var json: JSONValue {
        .object([
            "Time": .date(reading.date),
            "Mode": .string(reading.isSimulated ? "simulated" : "real"),
            "SecondsLeftInStep": .int(TOTP.secondsRemaining(at: reading.date)),
        ])
    }
}

/// Several accounts' clocks (`--all`), one row each.
struct ClockReadings: Renderable {
    var readings: [(account: AccountID, reading: SimulationClock.Reading)]

    /// One account's reading as before, or every account's with `--all`.
    static func result(
        _ readings: [(account: AccountID, reading: SimulationClock.Reading)], scope: ClockCommands.Scope
    ) -> any Renderable {
        if !scope.all, let only = readings.first { return ClockReading(reading: only.reading) }
        return ClockReadings(readings: readings)
    }

    func text(_ style: TextStyle) -> String {
        TextTable(
            headers: ["ACCOUNT", "TIME", "MODE"],
            rows: readings.map {
                [
                    $0.account.rawValue, Timestamp.readable($0.reading.date),
                    $0.reading.isSimulated ? "simulated" : "real",
                ]
            }
        ).rendered(empty: "No accounts.")
    }

    var json: JSONValue {
        .list("Clocks", readings) {
            .object([
                "AccountId": .string($0.account.rawValue), "Time": .date($0.reading.date),
                "Mode": .string($0.reading.isSimulated ? "simulated" : "real"),
            ])
        }
    }
}
