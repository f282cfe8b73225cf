import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// Access keys, and their last use.
    static let accessKeys: [IAMAction: QueryHandler] = [
        .createAccessKey: { context in
            Shapes.createAccessKey(
                try context.store.createAccessKey(
                    caller: context.caller, userName: context.parameters.string("UserName")))
        },
        .listAccessKeys: paged(Shapes.listAccessKeys) { context, page in
            try context.store.listAccessKeys(
                caller: context.caller, userName: context.parameters.string("UserName"), page: page)
        },
        .updateAccessKey: noOutput { context in
            let status = context.parameters.required("Status")
            // The model's enumeration also has `Expired`, which no caller can set.
            guard let known = AccessKeyStatus(rawValue: status) else {
                throw IAMError.invalidInput("An access key's status can be set to Active or Inactive, not \(status).")
            }
            try context.store.updateAccessKey(
                caller: context.caller, accessKeyID: context.parameters.required("AccessKeyId"), status: known,
                userName: context.parameters.string("UserName"))
        },
        .deleteAccessKey: noOutput { context in
            try context.store.deleteAccessKey(
                caller: context.caller, accessKeyID: context.parameters.required("AccessKeyId"),
                userName: context.parameters.string("UserName"))
        },
        .getAccessKeyLastUsed: { context in
            Shapes.getAccessKeyLastUsed(
                try context.store.getAccessKeyLastUsed(
                    caller: context.caller, accessKeyID: context.parameters.required("AccessKeyId")))
        },
    ]
}
