#!/usr/bin/env bash
# Seeds DATABASE with the audit-practice account (Fixtures/audit-practice.json), ready for an
# auditor's tools against `iamsim serve` (docs/auditing.md):
#
#   scripts/audit-practice.sh practice.sqlite
#   iamsim serve --db practice.sqlite --port 4566
#
# The fixture holds what never changes; this script adds what depends on today's date, because
# Prowler measures ages against its own (real) clock: an access key 120 days old is made by
# setting the account's clock back 120 days while creating it (`iamsim clock set`), then
# returning to real time (`iamsim clock real`). Afterwards the account has:
#
#   root   an active access key from 2025-03-01 (AKIAAUDITPRACTICE001), no MFA
#   alice  console password (expired, renewed and used just now, with MFA), a virtual MFA
#          device, no access key
#   bob    console password (never used), no MFA, two active keys: one 120 days old and last
#          used 100 days ago, one created today and never used
#   carol  no console password, one key created today and used today
#   dave   console password last used 2025-06-01, a hardware MFA token, no access key
#
# Nobody stays signed in. Root's key and secret are in the fixture; the script prints nothing
# else of interest (the new keys' secrets are not needed afterwards). Needs iamsim (or
# $IAMSIM), python3 and oathtool.
set -euo pipefail
db="${1:?usage: scripts/audit-practice.sh DATABASE}"
iamsim="${IAMSIM:-iamsim}"
root="$(cd "$(dirname "$0")/.." && pwd)"
account=audit-practice
run() { "$iamsim" "$@" --db "$db" --account "$account" >/dev/null; }
# The AccessKeyId and SecretAccessKey of `iamsim access-keys create --output json`, one a line.
key_fields() { python3 -c 'import json, sys; k = json.load(sys.stdin)["AccessKey"]; print(k["AccessKeyId"]); print(k["SecretAccessKey"])'; }
sign_in_as_root() { echo 'Audit-Practice-Root-2026!' | run signin --email root@audit-practice.example --password-stdin; }

"$iamsim" init --db "$db" --force --fixture "$root/Fixtures/audit-practice.json" >/dev/null

# 120 days ago: bob's first key, then its last use 20 days later.
run clock set "$(date -u -d '-120 days' +%Y-%m-%dT%H:%M:%SZ)"
sign_in_as_root
{ read -r old_key; read -r old_secret; } < <("$iamsim" access-keys create --user bob --output json --db "$db" --account "$account" | key_fields)
run signout
run clock advance 20d
echo "$old_secret" | run access-keys use "$old_key" --secret-stdin --service s3 --region eu-west-1

# Today.
run clock real
sign_in_as_root
run access-keys create --user bob
{ read -r carol_key; read -r carol_secret; } < <("$iamsim" access-keys create --user carol --output json --db "$db" --account "$account" | key_fields)
run signout
echo "$carol_secret" | run access-keys use "$carol_key" --secret-stdin --service iam --region us-east-1

# alice signs in at the console with her phone's code; her password has expired (the policy's
# 90 days), so she chooses a new one on the way in.
code="$(oathtool --totp -b KRSXG5CTMVRXEZLUJ5TEC3DJMNSUCTKGIFJVGQ2PIRCVGSKOIRJFKTCFKNAUYSKD)"
printf '%s\n%s\n' 'Alice-Console-2026!' 'Alice-Renewed-2026!' | run signin --user alice --password-stdin --mfa-code "$code"
run signout
echo "audit-practice: account 444455556666 in $db; root's key AKIAAUDITPRACTICE001 signs the auditor's requests."
