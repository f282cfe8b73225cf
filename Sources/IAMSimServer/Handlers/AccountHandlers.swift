import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// The account: its alias, its summary and its credential report.
    static let account: [IAMAction: QueryHandler] = [
        .createAccountAlias: { context in
            try context.store.createAccountAlias(
                caller: context.caller, alias: context.parameters.required("AccountAlias"))
            return nil
        },
        .deleteAccountAlias: { context in
            try context.store.deleteAccountAlias(
                caller: context.caller, alias: context.parameters.required("AccountAlias"))
            return nil
        },
        .listAccountAliases: { context in
            let page = try context.store.listAccountAliases(caller: context.caller, page: context.page())
            return Shapes.listAccountAliases(page.items, isTruncated: page.isTruncated, marker: page.marker)
        },
        .getAccountSummary: { context in
            Shapes.getAccountSummary(try context.store.accountSummary(caller: context.caller))
        },
        .generateCredentialReport: { context in
            Shapes.generateCredentialReport(try context.store.generateCredentialReport(caller: context.caller))
        },
        .getCredentialReport: { context in
            Shapes.getCredentialReport(try context.store.getCredentialReport(caller: context.caller))
        },
    ]
}
