import IAMSimApp
import IAMSimCore

extension QueryAPI {
    /// The read-only listings of kinds iamsim does not model (roles, policies, SAML providers,
    /// server certificates, service-specific credentials, Organizations' features), which
    /// auditors such as Prowler call on every run: what is true of a simulated account, in AWS's
    /// shapes (empty lists; `NoSuchEntity` for what does not exist). Their write actions stay
    /// `NotImplemented` (`notSimulatedMessage`).
    static let unmodelled: [IAMAction: QueryHandler] = [
        .listRoles: paged(Shapes.listRoles) { context, page in
            try context.store.listRoles(caller: context.caller, page: page)
        },
        .listPolicies: paged(Shapes.listPolicies) { context, page in
            try context.store.listPolicies(caller: context.caller, page: page)
        },
        .listEntitiesForPolicy: paged(Shapes.listEntitiesForPolicy) { context, page in
            try context.store.listEntitiesForPolicy(
                caller: context.caller, policyArn: context.parameters.required("PolicyArn"), page: page)
        },
        .getPolicyVersion: { context in
            try context.store.getPolicyVersion(
                caller: context.caller, policyArn: context.parameters.required("PolicyArn"),
                versionId: context.parameters.required("VersionId"))
        },
        .listAttachedUserPolicies: paged(Shapes.listAttachedPolicies) { context, page in
            try context.store.listAttachedUserPolicies(
                caller: context.caller, userName: context.parameters.required("UserName"), page: page)
        },
        .listAttachedGroupPolicies: paged(Shapes.listAttachedPolicies) { context, page in
            try context.store.listAttachedGroupPolicies(
                caller: context.caller, groupName: context.parameters.required("GroupName"), page: page)
        },
        .listUserPolicies: paged(Shapes.listInlinePolicies) { context, page in
            try context.store.listUserPolicies(
                caller: context.caller, userName: context.parameters.required("UserName"), page: page)
        },
        .listGroupPolicies: paged(Shapes.listInlinePolicies) { context, page in
            try context.store.listGroupPolicies(
                caller: context.caller, groupName: context.parameters.required("GroupName"), page: page)
        },
        .listServiceSpecificCredentials: paged(Shapes.listServiceSpecificCredentials) { context, page in
            try context.store.listServiceSpecificCredentials(
                caller: context.caller, userName: context.parameters.string("UserName"), page: page)
        },
        .listSAMLProviders: { context in
            Shapes.listSAMLProviders(try context.store.listSAMLProviders(caller: context.caller))
        },
        .listServerCertificates: paged(Shapes.listServerCertificates) { context, page in
            try context.store.listServerCertificates(caller: context.caller, page: page)
        },
        .listOrganizationsFeatures: { context in
            try context.store.listOrganizationsFeatures(caller: context.caller)
        },
        .generateServiceLastAccessedDetails: { context in
            Shapes.generateServiceLastAccessedDetails(
                jobID: try context.store.generateServiceLastAccessedDetails(
                    caller: context.caller, arn: context.parameters.required("Arn"),
                    granularity: context.parameters.string("Granularity")))
        },
        .getServiceLastAccessedDetails: { context in
            Shapes.getServiceLastAccessedDetails(
                try context.store.getServiceLastAccessedDetails(
                    caller: context.caller, jobID: context.parameters.required("JobId"), page: context.page()))
        },
    ]
}
