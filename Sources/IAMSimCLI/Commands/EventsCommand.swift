import ArgumentParser
import Foundation
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim events`: the append-only event log, CloudTrail-style.
struct EventsCommand: ConsoleCommand {
    static let action = CommandAction(
        "events", performs: .lookupEvents,
        "List the event log: every change, sign-in attempt and console view, CloudTrail-style",
        discussion: """
            As a table, or with --output json as JSON Lines (one CloudTrail-like record per \
            line). It reads the signed-in account, or the database's first account when nobody \
            is signed in.
            """)
    static let readsOnly = true
    @OptionGroup var global: GlobalOptions
    @Option(
        help: ArgumentHelp(
            "Only events at or after this time: ISO 8601 (2026-01-05T09:00:00Z; UTC when the zone is left out) or an age on iamsim's clock (30m, 2h, 1d).",
            valueName: "time-or-age"),
        transform: ArgumentValue.timeOrAge)
    var since: TimeBound?
    @Option(
        help: ArgumentHelp(
            "Only events at or before this time, in the same forms as --since.", valueName: "time-or-age"),
        transform: ArgumentValue.timeOrAge)
    var until: TimeBound?
    @Option(help: "Only events by this identity: root, a user name, or an ARN.") var identity: String?
    @Option(help: "Only this event, such as ConsoleLogin or DeleteAccessKey.") var action: String?
    @Option(help: "How many of the newest matching events to show.") var limit: Int = 50

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func execute(in context: CommandContext) throws -> any Renderable {
        let simulator = try context.simulator()
        let account = try context.currentAccount()
        let now = since == nil && until == nil ? nil : try simulator.clock.now(account: account)
        let filter = EventLogReader.Filter(
            account: account, since: now.flatMap { since?.date(now: $0) }, until: now.flatMap { until?.date(now: $0) },
            identity: identity, action: action, limit: limit)
        return EventList(events: try simulator.eventLog.events(filter))
    }
}

struct EventList: Renderable {
    var events: [Event]

    func text(_ style: TextStyle) -> String {
        TextTable(
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
        ).rendered(empty: "No events.")
    }

    /// JSON Lines: one CloudTrail-like record per line.
    var json: JSONValue { .array(events.map(Self.json)) }

    static func json(_ event: Event) -> JSONValue {
        let source =
            IAMAction(rawValue: event.eventName)?.service == .signin || event.eventName == IAMAction.mfaLockout.name
            ? "signin.amazonaws.com" : "iam.amazonaws.com"
        let identity: JSONValue? = event.actorARN.map { arn in
            .object([
                "type": .string(arn.hasSuffix(":root") ? "Root" : "IAMUser"), "arn": .string(arn),
                "accountId": .string(event.accountID?.rawValue),
            ])
        }
        let extra: JSONValue? = event.mfaUsed.map { .object(["MFAUsed": .string($0 ? "Yes" : "No")]) }
        let response: JSONValue? =
            event.eventName == IAMAction.consoleLogin.name
            ? .object(["ConsoleLogin": .string(event.outcome.rawValue)]) : nil
        let pairs: KeyValuePairs<String, JSONValue?> = [
            "eventID": .int(Int(event.eventID)),
            "eventTime": .date(event.eventTime),
            "eventSource": .string(source),
            "eventName": .string(event.eventName),
            "recipientAccountId": .string(event.accountID?.rawValue),
            "userIdentity": identity,
            "errorCode": .string(event.errorCode),
            "errorMessage": .string(event.errorMessage),
            "additionalEventData": extra,
            "responseElements": response,
            "resource": .string(event.resource),
        ]
        return .object(pairs)
    }
}

extension EventList {
    var jsonLines: [JSONValue]? { events.map(Self.json) }
}
