import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// Groups and their members.
    static let groups: [IAMAction: QueryHandler] = [
        .createGroup: { context in
            Shapes.createGroup(
                try context.store.createGroup(
                    caller: context.caller, groupName: context.parameters.required("GroupName"),
                    path: context.parameters.string("Path") ?? "/"))
        },
        .getGroup: { context in
            let (group, users) = try context.store.getGroup(
                caller: context.caller, groupName: context.parameters.required("GroupName"), page: context.page())
            return Shapes.getGroup(group, users: users.items, isTruncated: users.isTruncated, marker: users.marker)
        },
        .listGroups: paged(Shapes.listGroups) { context, page in
            try context.store.listGroups(
                caller: context.caller, pathPrefix: context.parameters.string("PathPrefix"), page: page)
        },
        .deleteGroup: noOutput { context in
            try context.store.deleteGroup(caller: context.caller, groupName: context.parameters.required("GroupName"))
        },
        .addUserToGroup: noOutput { context in
            try context.store.addUserToGroup(
                caller: context.caller, groupName: context.parameters.required("GroupName"),
                userName: context.parameters.required("UserName"))
        },
        .removeUserFromGroup: noOutput { context in
            try context.store.removeUserFromGroup(
                caller: context.caller, groupName: context.parameters.required("GroupName"),
                userName: context.parameters.required("UserName"))
        },
        .listGroupsForUser: paged(Shapes.listGroupsForUser) { context, page in
            try context.store.listGroupsForUser(
                caller: context.caller, userName: context.parameters.required("UserName"), page: page)
        },
    ]
}
