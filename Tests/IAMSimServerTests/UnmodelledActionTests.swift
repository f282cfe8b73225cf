import Foundation
import IAMSimTestSupport
import Testing

@testable import IAMSimCore

/// The read-only listings of kinds iamsim does not model (roles, policies, SAML providers,
/// server certificates, service-specific credentials, Organizations, service-last-accessed
/// jobs), which auditors such as Prowler call on every run: empty lists in AWS's shapes,
/// `NoSuchEntity` for what does not exist, and their write actions `NotImplemented`.
@Suite("Query API: kinds iamsim does not model")
struct UnmodelledActionTests {
    static let account = "arn:aws:iam::123456789012"

    /// The lesson account with the user bob and the group devs.
    static func client() throws -> QueryClient {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        try client.store.createGroup(caller: client.root, groupName: "devs")
        return client
    }

    @Test("each listing answers an empty list in botocore's member order")
    func emptyListings() throws {
        let client = try Self.client()
        let truncated = "<IsTruncated>false</IsTruncated>"
        expectResult(client.call("ListRoles"), "ListRoles", "<Roles/>\n\(truncated)")
        expectResult(
            client.call("ListRoles", [("PathPrefix", "/service-role/"), ("MaxItems", "5")]), "ListRoles",
            "<Roles/>\n\(truncated)")
        expectResult(
            client.call("ListPolicies", [("Scope", "AWS"), ("OnlyAttached", "true")]), "ListPolicies",
            "<Policies/>\n\(truncated)")
        expectResult(client.call("ListPolicies", [("Scope", "Local")]), "ListPolicies", "<Policies/>\n\(truncated)")
        expectResult(
            client.call("ListEntitiesForPolicy", [("PolicyArn", "arn:aws:iam::aws:policy/AWSSupportAccess")]),
            "ListEntitiesForPolicy", "<PolicyGroups/>\n<PolicyUsers/>\n<PolicyRoles/>\n\(truncated)")
        expectResult(
            client.call("ListAttachedUserPolicies", [("UserName", "bob")]), "ListAttachedUserPolicies",
            "<AttachedPolicies/>\n\(truncated)")
        expectResult(
            client.call("ListAttachedGroupPolicies", [("GroupName", "devs")]), "ListAttachedGroupPolicies",
            "<AttachedPolicies/>\n\(truncated)")
        expectResult(
            client.call("ListUserPolicies", [("UserName", "BOB")]), "ListUserPolicies", "<PolicyNames/>\n\(truncated)")
        expectResult(
            client.call("ListGroupPolicies", [("GroupName", "devs")]), "ListGroupPolicies",
            "<PolicyNames/>\n\(truncated)")
        expectResult(
            client.call("ListServiceSpecificCredentials", [("UserName", "bob")]), "ListServiceSpecificCredentials",
            "<ServiceSpecificCredentials/>\n\(truncated)")
        expectResult(
            client.call("ListServiceSpecificCredentials"), "ListServiceSpecificCredentials",
            "<ServiceSpecificCredentials/>\n\(truncated)")
        expectResult(client.call("ListSAMLProviders"), "ListSAMLProviders", "<SAMLProviderList/>")
        expectResult(
            client.call("ListServerCertificates"), "ListServerCertificates",
            "<ServerCertificateMetadataList/>\n\(truncated)")
    }

    @Test("a user, group or customer managed policy that does not exist is NoSuchEntity, in AWS's words")
    func missingEntities() throws {
        let client = try Self.client()
        for action in ["ListAttachedUserPolicies", "ListUserPolicies", "ListServiceSpecificCredentials"] {
            expectError(
                client.call(action, [("UserName", "nobody")]), 404, "NoSuchEntity",
                "The user with name nobody cannot be found.")
        }
        for action in ["ListAttachedGroupPolicies", "ListGroupPolicies"] {
            expectError(
                client.call(action, [("GroupName", "nobody")]), 404, "NoSuchEntity",
                "The group with name nobody cannot be found.")
        }
        let customer = "\(Self.account):policy/Admins"
        expectError(
            client.call("ListEntitiesForPolicy", [("PolicyArn", customer)]), 404, "NoSuchEntity",
            "Policy \(customer) was not found.")
        expectError(
            client.call("GetPolicyVersion", [("PolicyArn", customer), ("VersionId", "v1")]), 404, "NoSuchEntity",
            "Policy \(customer) was not found.")
        expectError(
            client.call("ListEntitiesForPolicy", [("PolicyArn", "not-an-arn-at-all-really")]), 400, "InvalidInput",
            "ARN not-an-arn-at-all-really is not valid.")
    }

    @Test("an AWS managed policy's document is NotImplemented: iamsim has no catalogue of them")
    func awsManagedPolicyVersion() throws {
        let client = try Self.client()
        let arn = "arn:aws:iam::aws:policy/SecurityAudit"
        expectError(
            client.call("GetPolicyVersion", [("PolicyArn", arn), ("VersionId", "v1")]), 400, "NotImplemented",
            "iamsim does not simulate AWS managed policies' documents, so GetPolicyVersion cannot show v1 of \(arn). "
                + "See docs/api.md for the actions iamsim answers.")
    }

    @Test("an empty list has no page to continue: any Marker is ValidationError")
    func markers() throws {
        let client = try Self.client()
        let marker = ("Marker", "bGlzdA==")
        for (action, parameters) in [
            ("ListRoles", []), ("ListPolicies", []), ("ListServerCertificates", []),
            ("ListUserPolicies", [("UserName", "bob")]), ("ListAttachedGroupPolicies", [("GroupName", "devs")]),
        ] as [(String, [(String, String)])] {
            expectError(client.call(action, parameters + [marker]), 400, "ValidationError", "Invalid Marker.")
        }
    }

    @Test("ListOrganizationsFeatures: the account belongs to no organization, as AWS answers a standalone one")
    func organizationsFeatures() throws {
        let client = try Self.client()
        expectError(
            client.call("ListOrganizationsFeatures"), 400, "OrganizationNotFoundException",
            "The request was rejected because no organization is associated with your account.")
    }

    @Test("a service-last-accessed job is COMPLETED at its first read, lists no service, and is the account's own")
    func serviceLastAccessed() throws {
        let client = try Self.client()
        let started = client.call("GenerateServiceLastAccessedDetails", [("Arn", "\(Self.account):user/bob")])
        #expect(started.status == 200, "\(started.body)")
        let jobID = try #require(started.value("JobId"))
        #expect(jobID.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        expectResult(started, "GenerateServiceLastAccessedDetails", "<JobId>\(jobID)</JobId>")
        expectResult(
            client.call("GetServiceLastAccessedDetails", [("JobId", jobID)]), "GetServiceLastAccessedDetails",
            """
            <JobStatus>COMPLETED</JobStatus>
            <JobType>SERVICE_LEVEL</JobType>
            <JobCreationDate>2026-01-05T09:30:05Z</JobCreationDate>
            <ServicesLastAccessed/>
            <JobCompletionDate>2026-01-05T09:30:05Z</JobCompletionDate>
            <IsTruncated>false</IsTruncated>
            """)
        let group = client.call(
            "GenerateServiceLastAccessedDetails",
            [("Arn", "\(Self.account):group/devs"), ("Granularity", "ACTION_LEVEL")])
        let groupJob = try #require(group.value("JobId"))
        #expect(client.call("GetServiceLastAccessedDetails", [("JobId", groupJob)]).value("JobType") == "ACTION_LEVEL")
        let unknown = "0b4f5c3e-8f0e-4b6a-9c1d-2e3f4a5b6c7d"
        expectError(
            client.call("GetServiceLastAccessedDetails", [("JobId", unknown)]), 404, "NoSuchEntity",
            "The job with id \(unknown) cannot be found.")
        for arn in ["\(Self.account):user/nobody", "\(Self.account):role/admin", "arn:aws:iam::210987654321:user/bob"] {
            expectError(
                client.call("GenerateServiceLastAccessedDetails", [("Arn", arn)]), 404, "NoSuchEntity",
                "The entity \(arn) cannot be found.")
        }
        // A job belongs to the account that started it.
        let other = try Fixture.builtInDefault().personalized(
            for: Trainee(
                accountID: AccountID(known: "210987654321"), email: "other@example.com", password: "Pw-1234-abcd-EFGH"),
            secrets: SecretGenerator(random: .seeded(4)))
        let otherAccount = try client.simulator.accounts.loadFixture(other)
        let otherKey = try client.store.createAccessKey(caller: .principal(.root(otherAccount)))
        expectError(
            client.signing(with: otherKey).call("GetServiceLastAccessedDetails", [("JobId", jobID)]), 404,
            "NoSuchEntity", "The job with id \(jobID) cannot be found.")
    }

    @Test(
        "write actions of unmodelled kinds stay NotImplemented (400), naming what is not simulated",
        arguments: [
            ("CreateRole", "roles"), ("CreatePolicy", "policies"), ("AttachUserPolicy", "policies"),
            ("PutGroupPolicy", "policies"), ("DeletePolicyVersion", "policies"),
            ("CreateSAMLProvider", "SAML providers"), ("UploadServerCertificate", "server certificates"),
            ("CreateServiceSpecificCredential", "service-specific credentials"),
            ("EnableOrganizationsRootCredentialsManagement", "AWS Organizations"),
        ])
    func writes(action: String, kind: String) throws {
        let client = try Self.client()
        expectError(
            client.call(action), 400, "NotImplemented",
            "iamsim does not simulate \(kind), so \(action) is not available. "
                + "See docs/api.md for the actions iamsim answers.")
    }
}
