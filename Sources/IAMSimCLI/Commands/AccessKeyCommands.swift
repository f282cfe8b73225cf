import ArgumentParser
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim access-keys …`: the signed-in identity's access keys.
struct AccessKeyCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access-keys",
        abstract: "List, create, deactivate, activate, delete and use access keys.",
        subcommands: [List.self, Create.self, Deactivate.self, Activate.self, Delete.self, Use.self])

    struct List: ConsoleCommand {
        static let action = CommandAction("list", performs: .listAccessKeys, "List your access keys")
        @OptionGroup var global: GlobalOptions
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            AccessKeyList(keys: try context.store().listAccessKeys(caller: context.caller, userName: user).items)
        }
    }

    struct Create: ConsoleCommand {
        static let action = CommandAction(
            "create", performs: .createAccessKey, "Create an access key; its secret is shown now and never again")
        @OptionGroup var global: GlobalOptions
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            CreatedAccessKey(key: try context.store().createAccessKey(caller: context.caller, userName: user))
        }
    }

    struct Deactivate: ConsoleCommand {
        static let action = CommandAction("deactivate", performs: .updateAccessKey, "Make an access key Inactive")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The access key id, such as AKIAIOSFODNN7EXAMPLE.") var accessKeyID: String
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            try AccessKeyCommands.update(accessKeyID, to: .inactive, user: user, in: context)
        }
    }

    struct Activate: ConsoleCommand {
        static let action = CommandAction("activate", performs: .updateAccessKey, "Make an access key Active again")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The access key id.") var accessKeyID: String
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            try AccessKeyCommands.update(accessKeyID, to: .active, user: user, in: context)
        }
    }

    struct Delete: ConsoleCommand {
        static let action = CommandAction("delete", performs: .deleteAccessKey, "Delete an access key for good")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The access key id.") var accessKeyID: String
        @Option(help: "An IAM user's keys instead of your own.") var user: String?

        func execute(in context: CommandContext) throws -> any Renderable {
            try context.store().deleteAccessKey(caller: context.caller, accessKeyID: accessKeyID, userName: user)
            return Message(text: "Deleted access key \(accessKeyID).", json: .object([]))
        }
    }
}

extension AccessKeyCommands {
    /// `UpdateAccessKey`: what `deactivate` and `activate` run, each with its status.
    static func update(_ accessKeyID: String, to status: AccessKeyStatus, user: String?, in context: CommandContext)
        throws -> any Renderable
    {
        UpdatedAccessKey(
            key: try context.store().updateAccessKey(
                caller: context.caller, accessKeyID: accessKeyID, status: status, userName: user))
    }

    struct Use: ConsoleCommand {
        static let action = CommandAction(
            "use", performs: .getCallerIdentity,
            "Use a key as a program would: authenticate with it and record its use",
            discussion: """
                Needs no console session: the key and its secret are the credentials. The key's \
                last use (date, service, region) then shows in the credential report and the audit.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The access key id.") var accessKeyID: String
        @Flag(help: "Read the secret access key from the first line of standard input.") var secretStdin = false
        @Option(help: "The service the program called (recorded as the key's last-used service).") var service: String =
            "sts"
        @Option(help: "The region it called (recorded as the key's last-used region).") var region: String = "us-east-1"

        func execute(in context: CommandContext) throws -> any Renderable {
            let secret = try PasswordInput.read(
                context.console, fromStandardInput: secretStdin, prompt: "Secret access key: ", what: "secret",
                flag: "--secret-stdin")
            let owner = try context.store().useAccessKey(accessKeyID, secret: secret, service: service, region: region)
            return Message(
                text: "Authenticated as \(owner.arn) with \(accessKeyID); its use is recorded (\(service), \(region)).",
                json: JSONValue(Shapes.getCallerIdentity(owner)))
        }
    }
}

// MARK: - Output

struct AccessKeyList: Renderable {
    var keys: [AccessKeyMetadata]

    func text(_ style: TextStyle) -> String {
        TextTable(
            headers: ["ACCESS KEY ID", "STATUS", "CREATED"],
            rows: keys.map { [$0.accessKeyID.rawValue, $0.status.rawValue, Timestamp.readable($0.createDate)] }
        ).rendered(empty: "No access keys.")
    }

    var json: JSONValue { JSONValue(Shapes.listAccessKeys(keys, isTruncated: false, marker: nil)) }
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

    var json: JSONValue { JSONValue(Shapes.createAccessKey(key)) }
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
