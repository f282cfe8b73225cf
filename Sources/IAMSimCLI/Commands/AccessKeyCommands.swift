import ArgumentParser
import IAMSimCore
import IAMSimStore

/// `iamsim access-keys …`: the signed-in identity's access keys.
struct AccessKeyCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access-keys",
        abstract: "List, create, deactivate, activate and delete your access keys.",
        subcommands: [List.self, Create.self, Deactivate.self, Activate.self, Delete.self])

    struct List: ConsoleCommand {
        static let configuration = CommandConfiguration(abstract: "List your access keys (ListAccessKeys).")
        static let operationName = "ListAccessKeys"
        @OptionGroup var global: GlobalOptions
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            AccessKeyList(keys: try context.store().listAccessKeys(caller: context.caller, userName: user))
        }
    }

    struct Create: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an access key; its secret is shown now and never again (CreateAccessKey).")
        static let operationName = "CreateAccessKey"
        @OptionGroup var global: GlobalOptions
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            CreatedAccessKey(key: try context.store().createAccessKey(caller: context.caller, userName: user))
        }
    }

    struct Deactivate: ConsoleCommand {
        static let configuration = CommandConfiguration(abstract: "Make an access key Inactive (UpdateAccessKey).")
        static let operationName = "UpdateAccessKey"
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The access key id, such as AKIAIOSFODNN7EXAMPLE.") var accessKeyID: String
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            UpdatedAccessKey(
                key: try context.store().updateAccessKey(caller: context.caller, accessKeyID: accessKeyID, status: .inactive, userName: user))
        }
    }

    struct Activate: ConsoleCommand {
        static let configuration = CommandConfiguration(abstract: "Make an access key Active again (UpdateAccessKey).")
        static let operationName = "UpdateAccessKey"
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The access key id.") var accessKeyID: String
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            UpdatedAccessKey(
                key: try context.store().updateAccessKey(caller: context.caller, accessKeyID: accessKeyID, status: .active, userName: user))
        }
    }

    struct Delete: ConsoleCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an access key for good (DeleteAccessKey).")
        static let operationName = "DeleteAccessKey"
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The access key id.") var accessKeyID: String
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            try context.store().deleteAccessKey(caller: context.caller, accessKeyID: accessKeyID, userName: user)
            return Message(text: "Deleted access key \(accessKeyID).", json: .object([]))
        }
    }
}

// MARK: - Output

struct AccessKeyList: Renderable {
    var keys: [AccessKeyMetadata]

    func text(_ style: TextStyle) -> String {
        guard !keys.isEmpty else { return "No access keys." }
        return TextTable(
            headers: ["ACCESS KEY ID", "STATUS", "CREATED"],
            rows: keys.map { [$0.accessKeyID.rawValue, $0.status.rawValue, Timestamp.readable($0.createDate)] }
        ).rendered()
    }

    var json: JSONValue {
        .object(["AccessKeyMetadata": .array(keys.map(\.json)), "IsTruncated": .bool(false)])
    }
}

struct CreatedAccessKey: Renderable {
    var key: NewAccessKey

    func text(_ style: TextStyle) -> String {
        """
        Created access key \(key.metadata.accessKeyID) (Active).
        Secret access key: \(key.secretAccessKey)
        This is the only time the secret is shown: store it safely now.
        """
    }

    var json: JSONValue { .object(["AccessKey": key.json]) }
}

struct UpdatedAccessKey: Renderable {
    var key: AccessKeyMetadata

    func text(_ style: TextStyle) -> String {
        "Access key \(key.accessKeyID) is now \(key.status.rawValue)."
    }

    var json: JSONValue { .object([]) }
}

/// A one-line confirmation; the JSON is what AWS returns for the operation (often nothing).
struct Message: Renderable {
    var text: String
    var json: JSONValue

    func text(_ style: TextStyle) -> String { text }
}
