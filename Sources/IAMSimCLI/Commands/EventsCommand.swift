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
            headers: ["TIME", "SOURCE", "EVENT", "OUTCOME", "ACTOR", "FROM", "RESOURCE", "DETAIL"],
            rows: events.map { event in
                var detail: [String] = []
                if let mfa = event.mfaUsed { detail.append("MFAUsed=\(mfa ? "Yes" : "No")") }
                if let mfa = event.mfaAuthenticated { detail.append("MFAAuthenticated=\(mfa ? "Yes" : "No")") }
                if let key = event.accessKeyID { detail.append("Key=\(key)") }
                // The client's name and version; the CLI's own agent is its FROM already.
                if let agent = event.userAgent?.split(separator: " ").first, agent != event.sourceIPAddress ?? "" {
                    detail.append("Agent=\(agent)")
                }
                if let code = event.errorCode { detail.append(code) }
                return [
                    Timestamp.readable(event.eventTime), Self.shortSource(event.eventSource), event.eventName,
                    event.outcome.rawValue, event.actorARN ?? "-", event.sourceIPAddress ?? "-", event.resource ?? "-",
                    detail.joined(separator: " "),
                ]
            }
        ).rendered(empty: "No events.")
    }

    /// `iam.amazonaws.com` as `iam`: the table's SOURCE column.
    static func shortSource(_ source: String) -> String {
        source.hasSuffix(".amazonaws.com") ? String(source.dropLast(".amazonaws.com".count)) : source
    }

    /// JSON Lines: one CloudTrail-like record per line.
    var json: JSONValue { .array(events.map(Self.json)) }

    /// A CloudTrail record: `userIdentity` with its `accessKeyId` and, for temporary credentials
    /// (a console session, STS's), `sessionContext.attributes.mfaAuthenticated` as CloudTrail
    /// spells it (`"true"`); `sourceIPAddress` and `userAgent` after the event's name.
    static func json(_ event: Event) -> JSONValue {
        let identity: JSONValue? = event.actorARN.map { arn in
            let session: JSONValue? = event.mfaAuthenticated.map { mfa in
                .object(["attributes": .object(["mfaAuthenticated": .string(mfa ? "true" : "false")])])
            }
            return .object([
                "type": .string(event.userIdentityType),
                "arn": .string(arn), "accountId": .string(event.accountID?.rawValue),
                "accessKeyId": .string(event.accessKeyID), "sessionContext": session,
            ])
        }
        let extra: JSONValue? = event.mfaUsed.map { .object(["MFAUsed": .string($0 ? "Yes" : "No")]) }
        let response: JSONValue? =
            event.eventName == IAMAction.consoleLogin.name
            ? .object(["ConsoleLogin": .string(event.outcome.rawValue)]) : nil
        let pairs: KeyValuePairs<String, JSONValue?> = [
            "eventID": .int(Int(event.eventID)),
            "eventTime": .date(event.eventTime),
            "eventSource": .string(event.eventSource),
            "eventName": .string(event.eventName),
            "sourceIPAddress": .string(event.sourceIPAddress),
            "userAgent": .string(event.userAgent),
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
