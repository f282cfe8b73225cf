import Foundation
import IAMSimCore
import IAMSimTestSupport
import Testing

@testable import IAMSimServer

/// What the Query API answers, as a whole: every action iamsim models, and never a secret
/// where AWS shows none.
@Suite("Query API: coverage and secrets")
struct QueryCoverageTests {
    @Test("every IAM and STS action iamsim names is answered; each is in AWS's model")
    func everyAction() throws {
        let named = Set(IAMAction.allCases.filter { $0.service == .iam || $0.service == .sts })
        let answered = Set(QueryService.answeredActions)
        #expect(named.subtracting(answered).map(\.name).sorted() == [])
        let model = try QueryModel.decoded()
        for action in answered {
            let service = action.service == .sts ? model.sts : model.iam
            #expect(service.operations[action.name] != nil, "\(action.name) is not in botocore's model")
        }
    }

    @Test("every operation of AWS's model iamsim does not answer is refused naming what it belongs to")
    func unansweredOperationsNameTheirKind() throws {
        let model = try QueryModel.decoded()
        let answered = Set(QueryService.answeredActions.map(\.name))
        let unanswered = (Array(model.iam.operations.keys) + Array(model.sts.operations.keys)).filter {
            !answered.contains($0)
        }
        #expect(unanswered.count > 50)
        let vague = unanswered.filter { QueryAPI.notSimulatedMessage($0).contains("this operation") }.sorted()
        #expect(vague == [], "fall back to \"this operation\"")
    }

    @Test("no answer shows a secret access key or a seed, but CreateAccessKey's and CreateVirtualMFADevice's")
    func noSecrets() throws {
        let client = try QueryClient()
        try client.store.createUser(caller: client.root, userName: "bob")
        let created = client.call("CreateAccessKey", [("UserName", "bob")])
        let secret = try #require(created.value("SecretAccessKey"))
        let device = client.call("CreateVirtualMFADevice", [("VirtualMFADeviceName", "bob-phone")])
        let seedBlob = try #require(device.value("Base32StringSeed"))
        let seed = try #require(Data(base64Encoded: seedBlob).map { String(decoding: $0, as: UTF8.self) })
        try client.store.createLoginProfile(caller: client.root, userName: "bob", password: "Strong-Password-2026!")
        _ = client.call("GenerateCredentialReport")
        let reads = [
            "GetUser", "ListUsers", "ListAccessKeys", "ListMFADevices", "ListVirtualMFADevices", "GetAccountSummary",
            "GetLoginProfile", "ListGroupsForUser", "ListUserTags", "GetCredentialReport", "ListAccountAliases",
        ]
        let secrets = [secret, seed, seedBlob, QueryClient.rootSecret, "Strong-Password-2026!"]
        for action in reads {
            let parameters: [(String, String)] =
                ["GetUser", "ListAccessKeys", "ListMFADevices", "GetLoginProfile", "ListGroupsForUser", "ListUserTags"]
                    .contains(action) ? [("UserName", "bob")] : []
            let answer = client.call(action, parameters)
            #expect(answer.status == 200, "\(action): \(answer.body)")
            let report = answer.value("Content").flatMap { Data(base64Encoded: $0) }.map {
                String(decoding: $0, as: UTF8.self)
            }
            for text in secrets {
                #expect(!answer.body.contains(text), "\(action) shows a secret")
                #expect(report?.contains(text) != true, "\(action)'s report shows a secret")
            }
        }
    }
}
