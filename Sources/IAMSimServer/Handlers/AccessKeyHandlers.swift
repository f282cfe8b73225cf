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
        .listAccessKeys: { context in
            let page = try context.store.listAccessKeys(
                caller: context.caller, userName: context.parameters.string("UserName"), page: context.page())
            return Shapes.listAccessKeys(page.items, isTruncated: page.isTruncated, marker: page.marker)
        },
        .updateAccessKey: { context in
            let status = context.parameters.required("Status")
            // The model's enumeration also has `Expired`, which no caller can set.
            guard let known = AccessKeyStatus(rawValue: status) else {
                throw IAMError.invalidInput("An access key's status can be set to Active or Inactive, not \(status).")
            }
            try context.store.updateAccessKey(
                caller: context.caller, accessKeyID: context.parameters.required("AccessKeyId"), status: known,
                userName: context.parameters.string("UserName"))
            return nil
        },
        .deleteAccessKey: { context in
            try context.store.deleteAccessKey(
                caller: context.caller, accessKeyID: context.parameters.required("AccessKeyId"),
                userName: context.parameters.string("UserName"))
            return nil
        },
        .getAccessKeyLastUsed: { context in
            Shapes.getAccessKeyLastUsed(
                try context.store.getAccessKeyLastUsed(
                    caller: context.caller, accessKeyID: context.parameters.required("AccessKeyId")))
        },
    ]
}
