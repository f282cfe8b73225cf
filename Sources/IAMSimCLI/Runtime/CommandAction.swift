import ArgumentParser
import IAMSimCore

/// A console command's name, help, and the action it performs: the one declaration that both
/// its ArgumentParser `configuration` and the operation its error messages name come from.
///
/// The abstract names an IAM or STS action in parentheses, as AWS's documentation does, from
/// the `IAMAction` itself: "List groups (ListGroups)." The console's sign-in events, CloudTrail
/// and iamsim's own actions are not API calls a trainee could make elsewhere, so their
/// abstracts name none.
public struct CommandAction: Sendable {
    /// The action named in error messages: "when calling the DeleteAccessKey operation".
    public let operation: IAMAction
    /// The command's name and help.
    public let configuration: CommandConfiguration

    /// - Parameters:
    ///   - name: the command's name, such as `list`.
    ///   - operation: the action it performs, named in its error messages.
    ///   - summary: the abstract without its end, such as "List groups".
    ///   - others: further actions the command performs, named in the abstract after `operation`.
    ///   - discussion: the longer help text, shown below the abstract.
    public init(
        _ name: String, performs operation: IAMAction, _ summary: String, alsoNaming others: [IAMAction] = [],
        discussion: String = ""
    ) {
        var abstract = summary
        if operation.service == .iam || operation.service == .sts {
            // Concatenated rather than `joined(separator:)`, whose generic witness lookup would
            // scan every protocol conformance at every start (docs/performance.md).
            abstract += " (" + operation.rawValue
            for other in others { abstract += ", " + other.rawValue }
            abstract += ")"
        }
        self.init(name, performs: operation, abstract: abstract + ".", discussion: discussion)
    }

    /// A command whose abstract is `abstract`, as given.
    public init(_ name: String, performs operation: IAMAction, abstract: String, discussion: String = "") {
        self.operation = operation
        configuration = CommandConfiguration(commandName: name, abstract: abstract, discussion: discussion)
    }
}
