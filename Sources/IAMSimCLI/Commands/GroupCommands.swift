import ArgumentParser
import IAMSimApp
import IAMSimCore
import IAMSimStore

/// `iamsim groups …`: IAM groups and their members.
struct GroupCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups", abstract: "Create, list and delete groups, and manage their members.",
        subcommands: [Create.self, List.self, Delete.self, AddUser.self, RemoveUser.self, ListForUser.self])

    struct Create: ConsoleCommand {
        static let action = CommandAction("create", performs: .createGroup, "Create a group")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group name: 1 to 128 letters, digits and +=,.@_-.") var name: String
        @Option(help: "The path, such as /division/.") var path: String = "/"

        func execute(in context: CommandContext) throws -> any Renderable {
            let group = try context.store().createGroup(caller: context.caller, groupName: name, path: path)
            return Message(
                text:
                    "Created group \(group.groupName) (\(group.arn)). Add users with: iamsim groups add-user \(group.groupName) USER",
                json: JSONValue(Shapes.createGroup(group)))
        }
    }

    struct List: ConsoleCommand {
        static let action = CommandAction("list", performs: .listGroups, "List groups")
        @OptionGroup var global: GlobalOptions

        func execute(in context: CommandContext) throws -> any Renderable {
            GroupList(groups: try context.store().listGroups(caller: context.caller).items)
        }
    }

    struct Delete: ConsoleCommand {
        static let action = CommandAction("delete", performs: .deleteGroup, "Delete a group without members")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group name.") var name: String

        func execute(in context: CommandContext) throws -> any Renderable {
            try context.store().deleteGroup(caller: context.caller, groupName: name)
            return Message(text: "Deleted group \(name).", json: .object([]))
        }
    }

    struct AddUser: ConsoleCommand {
        static let action = CommandAction("add-user", performs: .addUserToGroup, "Add a user to a group")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group name.") var group: String
        @Argument(help: "The user name.") var user: String

        func execute(in context: CommandContext) throws -> any Renderable {
            try context.store().addUserToGroup(caller: context.caller, groupName: group, userName: user)
            return Message(text: "\(user) is a member of \(group).", json: .object([]))
        }
    }

    struct RemoveUser: ConsoleCommand {
        static let action = CommandAction("remove-user", performs: .removeUserFromGroup, "Remove a user from a group")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group name.") var group: String
        @Argument(help: "The user name.") var user: String

        func execute(in context: CommandContext) throws -> any Renderable {
            try context.store().removeUserFromGroup(caller: context.caller, groupName: group, userName: user)
            return Message(text: "\(user) is no longer a member of \(group).", json: .object([]))
        }
    }

    struct ListForUser: ConsoleCommand {
        static let action = CommandAction(
            "list-for-user", performs: .listGroupsForUser, "List the groups a user belongs to")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name.") var user: String

        func execute(in context: CommandContext) throws -> any Renderable {
            GroupList(
                groups: try context.store().listGroupsForUser(caller: context.caller, userName: user).items,
                ofUser: true)
        }
    }
}

struct GroupList: Renderable {
    var groups: [Group]
    /// `ListGroupsForUser`'s answer rather than `ListGroups`'.
    var ofUser = false

    func text(_ style: TextStyle) -> String {
        TextTable(
            headers: ["GROUP NAME", "GROUP ID", "PATH", "CREATED"],
            rows: groups.map { [$0.groupName, $0.groupID, $0.path, Timestamp.readable($0.createDate)] }
        ).rendered(empty: "No groups.")
    }

    var json: JSONValue {
        JSONValue(
            ofUser
                ? Shapes.listGroupsForUser(groups, isTruncated: false, marker: nil)
                : Shapes.listGroups(groups, isTruncated: false, marker: nil))
    }
}
