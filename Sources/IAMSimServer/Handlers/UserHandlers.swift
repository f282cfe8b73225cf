import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// Users and their tags.
    static let users: [IAMAction: QueryHandler] = [
        .createUser: { context in
            let parameters = context.parameters
            try parameters.refuseUnsimulated("PermissionsBoundary", of: .createUser, what: "policies")
            let user = try context.store.createUser(
                caller: context.caller, userName: parameters.required("UserName"),
                path: parameters.string("Path") ?? "/", tags: parameters.tags("Tags"))
            return Shapes.createUser(user)
        },
        .getUser: { context in
            // Without a name, the caller: an IAM user, or the root user as AWS answers for it.
            let name = context.parameters.string("UserName")
            if name == nil, case .root = context.principal {
                return Shapes.getUser(try context.store.getRootUser(caller: context.caller))
            }
            return Shapes.getUser(try context.store.getUser(caller: context.caller, userName: name))
        },
        .listUsers: paged(Shapes.listUsers) { context, page in
            try context.store.listUsers(
                caller: context.caller, pathPrefix: context.parameters.string("PathPrefix"), page: page)
        },
        .updateUser: noOutput { context in
            let parameters = context.parameters
            try context.store.updateUser(
                caller: context.caller, userName: parameters.required("UserName"),
                newUserName: parameters.string("NewUserName"), newPath: parameters.string("NewPath"))
        },
        .deleteUser: noOutput { context in
            try context.store.deleteUser(caller: context.caller, userName: context.parameters.required("UserName"))
        },
        .tagUser: noOutput { context in
            try context.store.tagUser(
                caller: context.caller, userName: context.parameters.required("UserName"),
                tags: context.parameters.tags("Tags"))
        },
        .untagUser: noOutput { context in
            try context.store.untagUser(
                caller: context.caller, userName: context.parameters.required("UserName"),
                tagKeys: context.parameters.strings("TagKeys"))
        },
        .listUserTags: paged(Shapes.listUserTags) { context, page in
            try context.store.listUserTags(
                caller: context.caller, userName: context.parameters.required("UserName"), page: page)
        },
    ]
}
