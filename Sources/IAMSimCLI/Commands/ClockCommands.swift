import ArgumentParser
import Foundation
import IAMSimCore
import IAMSimStore

/// `iamsim clock …`: the simulator's shared clock.
struct ClockCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "Show, set or advance the simulated clock that every part of iamsim reads.",
        discussion: """
            The clock follows real time until you set or advance it. A simulated clock stands \
            still until you move it again, so codes and sessions change only when you say so; \
            'iamsim clock real' returns to real time.
            """,
        subcommands: [Show.self, Set.self, Advance.self, Real.self],
        defaultSubcommand: Show.self)

    struct Show: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show the time and whether it is simulated.")
        static let operationName = "ShowClock"
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            ClockReading(reading: try context.store().clock.read())
        }
    }

    struct Set: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Stop the clock at an ISO-8601 time.")
        static let operationName = "SetClock"
        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(
                "The time in ISO 8601: 2026-11-29T09:00:00Z, 2026-11-29T10:00:00+01:00, 2026-11-29T09:00 (UTC), or 2026-11-29 (midnight UTC).",
                valueName: "time"),
            transform: ArgumentValue.time)
        var time: Date

        func execute(in context: CommandContext) throws -> any Renderable {
            ClockReading(reading: try context.store().clock.set(time))
        }
    }

    struct Advance: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "advance",
            abstract: "Move the clock forward, such as by 30s, 2m or 1h (a real clock becomes simulated).")
        static let operationName = "AdvanceClock"
        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp("How far: 30s, 2m, 1h, 1d or a mix like 1h30m.", valueName: "duration"),
            transform: ArgumentValue.duration)
        var duration: ClockDuration

        func execute(in context: CommandContext) throws -> any Renderable {
            ClockReading(reading: try context.store().clock.advance(by: duration))
        }
    }

    struct Real: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "real", abstract: "Return to real time.")
        static let operationName = "UseRealClock"
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            ClockReading(reading: try context.store().clock.useRealTime())
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
