import Testing

@testable import IAMSimCore

/// What a Query API front end maps every `IAMError` to, checked against botocore's model
/// (docs: aws-iam-reference §2.2): the code, the HTTP status and whether the caller is at fault.
@Suite("IAMError: AWS's codes, HTTP statuses and faults")
struct IAMErrorTests {
    @Test(
        "every case has AWS's code, status and fault",
        arguments: [
            (IAMError.noSuchEntity("m"), "NoSuchEntity", 404, true),
            (.entityAlreadyExists("m"), "EntityAlreadyExists", 409, true),
            (.limitExceeded("m"), "LimitExceeded", 409, true),
            (.deleteConflict("m"), "DeleteConflict", 409, true),
            (.invalidAuthenticationCode("m"), "InvalidAuthenticationCode", 403, true),
            (.entityTemporarilyUnmodifiable("m"), "EntityTemporarilyUnmodifiable", 409, true),
            (.validationError("m"), "ValidationError", 400, true),
            (.invalidInput("m"), "InvalidInput", 400, true),
            (.accessDenied("m"), "AccessDenied", 403, true),
            (.passwordPolicyViolation("m"), "PasswordPolicyViolation", 400, true),
            (.invalidUserType("m"), "InvalidUserType", 400, true),
            (.reportNotPresent("m"), "ReportNotPresent", 410, true),
            (.reportInProgress("m"), "ReportInProgress", 404, true),
            (.organizationNotFound("m"), "OrganizationNotFoundException", 400, true),
            (.invalidClientTokenId("m"), "InvalidClientTokenId", 403, true),
            (.signatureDoesNotMatch("m"), "SignatureDoesNotMatch", 403, true),
            (.expiredToken("m"), "ExpiredToken", 403, true),
            (.serviceFailure("m"), "ServiceFailure", 500, false),
            (.missingAuthenticationToken("m"), "MissingAuthenticationToken", 403, true),
            (.incompleteSignature("m"), "IncompleteSignature", 400, true),
            (.missingAction("m"), "MissingAction", 400, true),
            (.invalidAction("m"), "InvalidAction", 400, true),
            (.malformedQueryString("m"), "MalformedQueryString", 400, true),
            (.requestEntityTooLarge("m"), "RequestEntityTooLarge", 413, true),
            (.notImplemented("m"), "NotImplemented", 400, true),
        ] as [(IAMError, String, Int, Bool)])
    func mapping(error: IAMError, code: String, status: Int, sender: Bool) {
        #expect(error.code == code)
        #expect(error.httpStatus == status)
        #expect(error.isSenderFault == sender)
        #expect(error.message == "m")
    }
}
