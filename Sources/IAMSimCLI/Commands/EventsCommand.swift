import ArgumentParser
import IAMSimCore
import IAMSimStore

/// `iamsim events`: the append-only event log.
struct EventsCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "List the event log: every change and every sign-in attempt.")
    static let operationName = "LookupEvents"
    @OptionGroup var global: GlobalOptions
    @Option(help: "How many of the newest events to show.") var limit: Int = 50

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func execute(in context: CommandContext) throws -> any Renderable {
        EventList(events: try context.store().events(limit: limit))
    }
}

struct EventList: Renderable {
    var events: [Event]

    func text(_ style: TextStyle) -> String {
        guard !events.isEmpty else { return "No events." }
        return TextTable(
            headers: ["TIME", "EVENT", "OUTCOME", "ACTOR", "RESOURCE", "DETAIL"],
            rows: events.map { event in
                var detail: [String] = []
                if let mfa = event.mfaUsed { detail.append("MFAUsed=\(mfa ? "Yes" : "No")") }
                if let code = event.errorCode { detail.append(code) }
                return [
                    Timestamp.readable(event.eventTime), event.eventName, event.outcome.rawValue,
                    event.actorARN ?? "-", event.resource ?? "-", detail.joined(separator: " "),
                ]
            }
        ).rendered()
    }

    var json: JSONValue {
        .object(["Events": .array(events.map(Self.json))])
    }

    static func json(_ event: Event) -> JSONValue {
        let mfaUsed: JSONValue? = event.mfaUsed.map { .string($0 ? "Yes" : "No") }
        let pairs: KeyValuePairs<String, JSONValue?> = [
            "EventId": .int(Int(event.eventID)),
            "EventTime": .date(event.eventTime),
            "EventName": .string(event.eventName),
            "AccountId": .string(event.accountID?.rawValue),
            "Actor": .string(event.actorARN),
            "Outcome": .string(event.outcome.rawValue),
            "ErrorCode": .string(event.errorCode),
            "ErrorMessage": .string(event.errorMessage),
            "MFAUsed": mfaUsed,
            "Resource": .string(event.resource),
        ]
        return .object(pairs)
    }
}
