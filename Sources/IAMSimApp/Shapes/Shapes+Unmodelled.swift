import Foundation
import IAMSimCore
import IAMSimStore

// The results of the read-only listings of kinds iamsim does not model (roles, policies, SAML
// providers, server certificates, service-specific credentials, service-last-accessed jobs):
// AWS's shapes, with the lists empty. Their pages are `Page<Never>`: the type says that no item
// can be in them.

extension Shapes {
    // MARK: Roles and policies

    /// `ListRoles`: `Roles`, `IsTruncated`, `Marker`.
    public static func listRoles(_ page: Page<Never>) -> ShapeValue {
        empty("Roles", page)
    }

    /// `ListPolicies`: `Policies`, `IsTruncated`, `Marker`.
    public static func listPolicies(_ page: Page<Never>) -> ShapeValue {
        empty("Policies", page)
    }

    /// `ListEntitiesForPolicy`: `PolicyGroups`, `PolicyUsers`, `PolicyRoles`, `IsTruncated`,
    /// `Marker`.
    public static func listEntitiesForPolicy(_ page: Page<Never>) -> ShapeValue {
        .structure([
            "PolicyGroups": .list([]), "PolicyUsers": .list([]), "PolicyRoles": .list([]),
            "IsTruncated": .boolean(page.isTruncated), "Marker": ShapeValue.string(page.marker),
        ])
    }

    /// `ListAttachedUserPolicies` and `ListAttachedGroupPolicies`: `AttachedPolicies`,
    /// `IsTruncated`, `Marker`.
    public static func listAttachedPolicies(_ page: Page<Never>) -> ShapeValue {
        empty("AttachedPolicies", page)
    }

    /// `ListUserPolicies` and `ListGroupPolicies`: `PolicyNames`, `IsTruncated`, `Marker`.
    public static func listInlinePolicies(_ page: Page<Never>) -> ShapeValue {
        empty("PolicyNames", page)
    }

    // MARK: Other credentials and providers

    /// `ListServiceSpecificCredentials`: `ServiceSpecificCredentials`, then `Marker` before
    /// `IsTruncated` (botocore's order for this shape).
    public static func listServiceSpecificCredentials(_ page: Page<Never>) -> ShapeValue {
        .structure([
            "ServiceSpecificCredentials": .list([]), "Marker": ShapeValue.string(page.marker),
            "IsTruncated": .boolean(page.isTruncated),
        ])
    }

    /// `ListSAMLProviders`: `SAMLProviderList` (not paged).
    public static func listSAMLProviders(_ providers: [Never]) -> ShapeValue {
        .structure([("SAMLProviderList", .list([]))])
    }

    /// `ListServerCertificates`: `ServerCertificateMetadataList`, `IsTruncated`, `Marker`.
    public static func listServerCertificates(_ page: Page<Never>) -> ShapeValue {
        empty("ServerCertificateMetadataList", page)
    }

    // MARK: Service last accessed

    /// `GenerateServiceLastAccessedDetails`: `JobId`.
    public static func generateServiceLastAccessedDetails(jobID: String) -> ShapeValue {
        .structure([("JobId", .string(jobID))])
    }

    /// `GetServiceLastAccessedDetails`: `JobStatus` (`COMPLETED`), `JobType`,
    /// `JobCreationDate`, `ServicesLastAccessed`, `JobCompletionDate`, `IsTruncated`.
    public static func getServiceLastAccessedDetails(_ report: ServiceLastAccessedReport) -> ShapeValue {
        .structure([
            ("JobStatus", .string("COMPLETED")), ("JobType", .string(report.jobType)),
            ("JobCreationDate", .timestamp(report.jobCreationDate)), ("ServicesLastAccessed", .list([])),
            ("JobCompletionDate", .timestamp(report.jobCompletionDate)), ("IsTruncated", .boolean(false)),
        ])
    }

    /// An empty page of a list result under `name`.
    static func empty(_ name: String, _ page: Page<Never>) -> ShapeValue {
        Shapes.page(name, [], isTruncated: page.isTruncated, marker: page.marker)
    }
}
