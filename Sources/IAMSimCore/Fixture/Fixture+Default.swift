// Generated from Fixtures/root-mfa-lesson.json; a test keeps the two identical.
// Embedded so that `iamsim` works from any directory, installed or not.

extension Fixture {
    /// The name of the fixture a new database starts from.
    public static let defaultName = "root-mfa-lesson"

    /// The JSON text of `Fixtures/root-mfa-lesson.json`.
    public static let defaultJSON = #"""
        {
          "$schema": "fixture.schema.json",
          "FormatVersion": 1,
          "Name": "root-mfa-lesson",
          "Description": "Start of AWS's lesson \"Activate MFA on the root account\": a root user with one active access key and no MFA device.",
          "Account": {
            "AccountId": "123456789012",
            "CreateDate": "2026-01-05T09:00:00Z",
            "Root": {
              "Email": "trainee@example.com",
              "Password": "Activate-MFA-2026!",
              "AccessKeys": [
                {
                  "AccessKeyId": "AKIAIOSFODNN7EXAMPLE",
                  "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                  "Status": "Active",
                  "CreateDate": "2026-01-05T09:00:00Z"
                }
              ],
              "MFADevices": []
            },
            "Users": []
          }
        }
        """#
}
