import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// The account: its alias, its summary and its credential report.
    static let account: [IAMAction: QueryHandler] = [
        .createAccountAlias: noOutput { context in
            try context.store.createAccountAlias(
                caller: context.caller, alias: context.parameters.required("AccountAlias"))
        },
        .deleteAccountAlias: noOutput { context in
            try context.store.deleteAccountAlias(
                caller: context.caller, alias: context.parameters.required("AccountAlias"))
        },
        .listAccountAliases: paged(Shapes.listAccountAliases) { context, page in
            try context.store.listAccountAliases(caller: context.caller, page: page)
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
