"""A boto3 suite written the way suites for moto's server mode are written.

Dummy credentials ("testing"), fake MFA codes ("123456"), moto's default account
123456789012, and a fresh state for every test through moto's reset call
(POST /moto-api/reset). It runs unchanged against `python -m moto.server -p PORT` and
against `iamsim serve --compat moto` (on a database created from a fixture of account
123456789012 with no IAM users, such as the test harness's):

    AWS_ENDPOINT_URL=http://127.0.0.1:PORT python3 -m unittest discover -s Tests/moto-style -v

The standard library's unittest only: no pytest, no moto import.
"""

import os
import unittest
import urllib.request

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")
ACCOUNT_ID = "123456789012"

# What moto's documentation tells every suite to set: credentials that exist nowhere.
os.environ["AWS_ACCESS_KEY_ID"] = "testing"
os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"
os.environ["AWS_SECURITY_TOKEN"] = "testing"
os.environ["AWS_SESSION_TOKEN"] = "testing"
os.environ["AWS_DEFAULT_REGION"] = "us-east-1"


def reset():
    request = urllib.request.Request(ENDPOINT + "/moto-api/reset", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200, response.status


class MotoStyleTestCase(unittest.TestCase):
    def setUp(self):
        reset()
        self.iam = boto3.client("iam", endpoint_url=ENDPOINT, region_name="us-east-1")
        self.sts = boto3.client("sts", endpoint_url=ENDPOINT, region_name="us-east-1")

    def error_code(self, context):
        return context.exception.response["Error"]["Code"]


class TestUsers(MotoStyleTestCase):
    def test_create_get_list_delete_user(self):
        created = self.iam.create_user(UserName="alice", Path="/engineering/")["User"]
        self.assertEqual(created["UserName"], "alice")
        self.assertEqual(created["Path"], "/engineering/")
        self.assertEqual(created["Arn"], f"arn:aws:iam::{ACCOUNT_ID}:user/engineering/alice")
        self.assertTrue(created["UserId"])
        self.assertEqual(self.iam.get_user(UserName="alice")["User"]["UserId"], created["UserId"])
        self.iam.create_user(UserName="bob")
        names = [user["UserName"] for user in self.iam.list_users()["Users"]]
        self.assertEqual(sorted(names), ["alice", "bob"])
        self.iam.delete_user(UserName="alice")
        with self.assertRaises(ClientError) as context:
            self.iam.get_user(UserName="alice")
        self.assertEqual(self.error_code(context), "NoSuchEntity")

    def test_create_user_twice(self):
        self.iam.create_user(UserName="alice")
        with self.assertRaises(ClientError) as context:
            self.iam.create_user(UserName="alice")
        self.assertEqual(self.error_code(context), "EntityAlreadyExists")

    def test_state_is_fresh_after_reset(self):
        self.iam.create_user(UserName="carol")
        reset()
        self.assertEqual(self.iam.list_users()["Users"], [])
        with self.assertRaises(ClientError) as context:
            self.iam.get_user(UserName="carol")
        self.assertEqual(self.error_code(context), "NoSuchEntity")

    def test_caller_identity_with_dummy_keys(self):
        identity = self.sts.get_caller_identity()
        self.assertEqual(identity["Account"], ACCOUNT_ID)


class TestAccessKeys(MotoStyleTestCase):
    def test_access_key_lifecycle(self):
        self.iam.create_user(UserName="alice")
        key = self.iam.create_access_key(UserName="alice")["AccessKey"]
        self.assertEqual(key["UserName"], "alice")
        self.assertEqual(key["Status"], "Active")
        self.assertTrue(key["AccessKeyId"].startswith("AKIA"))
        self.assertEqual(len(key["SecretAccessKey"]), 40)
        listed = self.iam.list_access_keys(UserName="alice")["AccessKeyMetadata"]
        self.assertEqual([k["AccessKeyId"] for k in listed], [key["AccessKeyId"]])
        self.assertNotIn("SecretAccessKey", listed[0])
        self.iam.update_access_key(UserName="alice", AccessKeyId=key["AccessKeyId"], Status="Inactive")
        listed = self.iam.list_access_keys(UserName="alice")["AccessKeyMetadata"]
        self.assertEqual(listed[0]["Status"], "Inactive")
        self.iam.delete_access_key(UserName="alice", AccessKeyId=key["AccessKeyId"])
        self.assertEqual(self.iam.list_access_keys(UserName="alice")["AccessKeyMetadata"], [])

    def test_at_most_two_keys(self):
        self.iam.create_user(UserName="alice")
        self.iam.create_access_key(UserName="alice")
        self.iam.create_access_key(UserName="alice")
        with self.assertRaises(ClientError) as context:
            self.iam.create_access_key(UserName="alice")
        self.assertEqual(self.error_code(context), "LimitExceeded")

    def test_a_created_key_signs_as_its_user(self):
        self.iam.create_user(UserName="alice")
        key = self.iam.create_access_key(UserName="alice")["AccessKey"]
        sts = boto3.client(
            "sts", endpoint_url=ENDPOINT, region_name="us-east-1",
            aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"],
            aws_session_token=None,
        )
        identity = sts.get_caller_identity()
        self.assertEqual(identity["Account"], ACCOUNT_ID)
        self.assertEqual(identity["Arn"], f"arn:aws:iam::{ACCOUNT_ID}:user/alice")


class TestVirtualMFADevices(MotoStyleTestCase):
    def create_enabled_device(self, user="alice"):
        self.iam.create_user(UserName=user)
        device = self.iam.create_virtual_mfa_device(VirtualMFADeviceName=user)["VirtualMFADevice"]
        self.iam.enable_mfa_device(
            UserName=user, SerialNumber=device["SerialNumber"],
            AuthenticationCode1="123456", AuthenticationCode2="654321",
        )
        return device["SerialNumber"]

    def test_create_enable_deactivate_delete(self):
        self.iam.create_user(UserName="alice")
        device = self.iam.create_virtual_mfa_device(VirtualMFADeviceName="alice")["VirtualMFADevice"]
        serial = device["SerialNumber"]
        self.assertEqual(serial, f"arn:aws:iam::{ACCOUNT_ID}:mfa/alice")
        self.assertTrue(len(device["Base32StringSeed"]) > 0)
        unassigned = self.iam.list_virtual_mfa_devices(AssignmentStatus="Unassigned")["VirtualMFADevices"]
        self.assertEqual([d["SerialNumber"] for d in unassigned], [serial])
        self.iam.enable_mfa_device(
            UserName="alice", SerialNumber=serial, AuthenticationCode1="123456", AuthenticationCode2="654321"
        )
        devices = self.iam.list_mfa_devices(UserName="alice")["MFADevices"]
        self.assertEqual([d["SerialNumber"] for d in devices], [serial])
        assigned = self.iam.list_virtual_mfa_devices(AssignmentStatus="Assigned")["VirtualMFADevices"]
        self.assertEqual([d["User"]["UserName"] for d in assigned if d["SerialNumber"] == serial], ["alice"])
        self.iam.deactivate_mfa_device(UserName="alice", SerialNumber=serial)
        self.assertEqual(self.iam.list_mfa_devices(UserName="alice")["MFADevices"], [])
        self.iam.delete_virtual_mfa_device(SerialNumber=serial)
        remaining = self.iam.list_virtual_mfa_devices()["VirtualMFADevices"]
        self.assertNotIn(serial, [d["SerialNumber"] for d in remaining])

    def test_enable_two_users_with_the_same_fake_codes(self):
        first = self.create_enabled_device("alice")
        second = self.create_enabled_device("bob")
        self.assertEqual([d["SerialNumber"] for d in self.iam.list_mfa_devices(UserName="alice")["MFADevices"]], [first])
        self.assertEqual([d["SerialNumber"] for d in self.iam.list_mfa_devices(UserName="bob")["MFADevices"]], [second])

    def test_device_name_taken(self):
        self.iam.create_virtual_mfa_device(VirtualMFADeviceName="shared")
        with self.assertRaises(ClientError) as context:
            self.iam.create_virtual_mfa_device(VirtualMFADeviceName="shared")
        self.assertEqual(self.error_code(context), "EntityAlreadyExists")


class TestSessionTokens(MotoStyleTestCase):
    def test_get_session_token(self):
        credentials = self.sts.get_session_token(DurationSeconds=900)["Credentials"]
        self.assertTrue(credentials["AccessKeyId"])
        self.assertTrue(credentials["SecretAccessKey"])
        self.assertTrue(credentials["SessionToken"])
        self.assertIn("Expiration", credentials)

    def test_get_session_token_with_a_fake_code(self):
        self.iam.create_user(UserName="alice")
        key = self.iam.create_access_key(UserName="alice")["AccessKey"]
        serial = self.iam.create_virtual_mfa_device(VirtualMFADeviceName="alice")["VirtualMFADevice"]["SerialNumber"]
        self.iam.enable_mfa_device(
            UserName="alice", SerialNumber=serial, AuthenticationCode1="123456", AuthenticationCode2="654321"
        )
        sts = boto3.client(
            "sts", endpoint_url=ENDPOINT, region_name="us-east-1",
            aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"],
            aws_session_token=None,
        )
        for _ in range(2):  # the same fake code twice: moto checks none
            credentials = sts.get_session_token(SerialNumber=serial, TokenCode="123456")["Credentials"]
            self.assertTrue(credentials["AccessKeyId"])
            self.assertTrue(credentials["SessionToken"])


class TestPaginators(MotoStyleTestCase):
    def test_list_users_in_pages(self):
        for number in range(25):
            self.iam.create_user(UserName=f"user{number:02d}")
        pages = list(self.iam.get_paginator("list_users").paginate(PaginationConfig={"PageSize": 10}))
        # moto answers every user in one page; AWS (and iamsim) ten at a time.
        self.assertTrue(all(len(page["Users"]) <= 10 for page in pages) or len(pages) == 1)
        names = [user["UserName"] for page in pages for user in page["Users"]]
        self.assertEqual(sorted(names), [f"user{number:02d}" for number in range(25)])

    def test_list_virtual_mfa_devices_in_pages(self):
        for number in range(5):
            self.iam.create_virtual_mfa_device(VirtualMFADeviceName=f"device{number}")
        paginator = self.iam.get_paginator("list_virtual_mfa_devices")
        pages = list(paginator.paginate(AssignmentStatus="Unassigned", PaginationConfig={"PageSize": 2}))
        self.assertEqual([len(page["VirtualMFADevices"]) for page in pages], [2, 2, 1])
        serials = sorted(d["SerialNumber"] for page in pages for d in page["VirtualMFADevices"])
        self.assertEqual(serials, [f"arn:aws:iam::{ACCOUNT_ID}:mfa/device{number}" for number in range(5)])

    def test_list_access_keys_build_full_result(self):
        self.iam.create_user(UserName="alice")
        ids = sorted(self.iam.create_access_key(UserName="alice")["AccessKey"]["AccessKeyId"] for _ in range(2))
        result = self.iam.get_paginator("list_access_keys").paginate(
            UserName="alice", PaginationConfig={"PageSize": 1}
        ).build_full_result()
        self.assertEqual(sorted(k["AccessKeyId"] for k in result["AccessKeyMetadata"]), ids)


if __name__ == "__main__":
    unittest.main()
