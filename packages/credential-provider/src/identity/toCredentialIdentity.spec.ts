import type { RoleTarget } from "../config/RoleTarget.js";
import { toCredentialIdentity } from "./toCredentialIdentity.js";

const credentials = {
  accessKeyId: "ASIA1",
  secretAccessKey: "S",
  sessionToken: "T",
  expiration: 1_700_000_000_123,
};
const base = { accountId: "111111111111", roleName: "ReadOnly", profileName: undefined } as const;
const session = { name: "s", startUrl: "https://d-1.awsapps.com/start", region: "us-east-1" };

test.each([
  [
    "sso-session options",
    { ...base, kind: "sso-session", session, fromProfile: false },
    { CREDENTIALS_SSO: "s" },
  ],
  [
    "sso-session profile",
    { ...base, kind: "sso-session", session, fromProfile: true },
    { CREDENTIALS_SSO: "s", CREDENTIALS_PROFILE_SSO: "r" },
  ],
  [
    "legacy options",
    { ...base, kind: "legacy", startUrl: "u", region: "r", fromProfile: false },
    { CREDENTIALS_SSO_LEGACY: "u" },
  ],
  [
    "legacy profile",
    { ...base, kind: "legacy", startUrl: "u", region: "r", fromProfile: true },
    { CREDENTIALS_SSO_LEGACY: "u", CREDENTIALS_PROFILE_SSO_LEGACY: "t" },
  ],
] as Array<[string, RoleTarget, Record<string, string>]>)("%s", (_, target, features) => {
  expect(toCredentialIdentity(credentials, target)).toEqual({
    accessKeyId: "ASIA1",
    secretAccessKey: "S",
    sessionToken: "T",
    expiration: new Date(1_700_000_000_123),
    accountId: "111111111111",
    $source: features,
  });
});

test("credentialScope is passed on when present; every identity has its own $source", () => {
  const target: RoleTarget = { ...base, kind: "legacy", startUrl: "u", region: "r", fromProfile: false };
  const first = toCredentialIdentity({ ...credentials, credentialScope: "scope" }, target);
  const second = toCredentialIdentity(credentials, target);
  expect(first.credentialScope).toBe("scope");
  expect("credentialScope" in second).toBe(false);
  expect(first.$source).not.toBe(second.$source);
});
