import { readFileSync } from "node:fs";
import path from "node:path";
import { parseRoleCredentialCacheFile } from "./parseRoleCredentialCacheFile.js";

interface CredentialScenario {
  id: string;
  expectedCacheWrite?: { contents: unknown } | null;
}

const scenarios = JSON.parse(
  readFileSync(
    path.join(__dirname, "../../../../test/fixtures/conformance/credential_scenarios.json"),
    "utf8",
  ),
) as CredentialScenario[];
const written = scenarios.filter((scenario) => scenario.expectedCacheWrite);

const valid = {
  ProviderType: "sso",
  Credentials: {
    AccessKeyId: "AKID",
    SecretAccessKey: "secret",
    SessionToken: "token",
    Expiration: "2030-01-01T00:00:00Z",
  },
};

describe("parseRoleCredentialCacheFile", () => {
  it.each(written.map((scenario) => [scenario.id, scenario] as const))(
    "reads the file the AWS CLI writes (%s)",
    (_, scenario) => {
      const parsed = parseRoleCredentialCacheFile(scenario.expectedCacheWrite?.contents);
      expect(parsed).toEqual({
        ok: true,
        credentials: {
          accessKeyId: "foo",
          secretAccessKey: "bar",
          sessionToken: "baz",
          expiration: new Date("2008-09-23T12:43:20Z"),
          accountId: "1234567890",
        },
      });
    },
  );

  it("reads a file without AccountId", () => {
    const parsed = parseRoleCredentialCacheFile(valid);
    expect(parsed.ok && parsed.credentials).toEqual({
      accessKeyId: "AKID",
      secretAccessKey: "secret",
      sessionToken: "token",
      expiration: new Date("2030-01-01T00:00:00Z"),
    });
  });

  describe("assume-role entries", () => {
    const { ProviderType: _, ...reply } = valid;

    it("reads the AssumeRole reply as the AWS CLI caches it: Python's `UTC` expiry, AssumedRoleUser kept", () => {
      // What the AWS CLI 2.9.19's JSONFileCache writes for an AssumeRole reply (checked with its own code).
      const parsed = parseRoleCredentialCacheFile(
        {
          Credentials: { ...reply.Credentials, Expiration: "2030-01-01T00:00:00UTC" },
          AssumedRoleUser: { AssumedRoleId: "AROA:alice", Arn: "arn:aws:sts::2:assumed-role/Deploy/alice" },
          ResponseMetadata: { RequestId: "r", HTTPStatusCode: 200 },
        },
        "assume-role",
      );
      expect(parsed).toEqual({
        ok: true,
        credentials: {
          accessKeyId: "AKID",
          secretAccessKey: "secret",
          sessionToken: "token",
          expiration: new Date("2030-01-01T00:00:00Z"),
          assumedRoleUser: { assumedRoleId: "AROA:alice", arn: "arn:aws:sts::2:assumed-role/Deploy/alice" },
        },
      });
    });

    it("leaves out a malformed AssumedRoleUser (informative only)", () => {
      const parsed = parseRoleCredentialCacheFile({ ...reply, AssumedRoleUser: { Arn: 7 } }, "assume-role");
      expect(parsed.ok && parsed.credentials.assumedRoleUser).toBeUndefined();
    });

    it.each([
      ["an SSO entry", valid, "ProviderType is set: not an assumed-role entry"],
      ["no Credentials", { AssumedRoleUser: {} }, "Credentials is not an object"],
      [
        "a date that is not one",
        { Credentials: { ...reply.Credentials, Expiration: "soonUTC" } },
        "Credentials.Expiration is not a date",
      ],
    ])("rejects %s", (_, value, reason) => {
      expect(parseRoleCredentialCacheFile(value, "assume-role")).toEqual({ ok: false, reason });
    });
  });

  it.each([
    ["null", null, "not a JSON object"],
    ["an array", [valid], "not a JSON object"],
    ["another provider's entry", { ...valid, ProviderType: "assume-role" }, 'ProviderType is not "sso"'],
    ["no Credentials", { ProviderType: "sso" }, "Credentials is not an object"],
    [
      "a numeric key id",
      { ProviderType: "sso", Credentials: { ...valid.Credentials, AccessKeyId: 1 } },
      "Credentials.AccessKeyId is not a non-empty string",
    ],
    [
      "an empty session token",
      { ProviderType: "sso", Credentials: { ...valid.Credentials, SessionToken: "" } },
      "Credentials.SessionToken is not a non-empty string",
    ],
    [
      "no expiry",
      { ProviderType: "sso", Credentials: { ...valid.Credentials, Expiration: undefined } },
      "Credentials.Expiration is not a non-empty string",
    ],
    [
      "a bad date",
      { ProviderType: "sso", Credentials: { ...valid.Credentials, Expiration: "soon" } },
      "Credentials.Expiration is not a date",
    ],
    [
      "a numeric account id",
      { ProviderType: "sso", Credentials: { ...valid.Credentials, AccountId: 12 } },
      "Credentials.AccountId is not a string",
    ],
  ])("rejects %s, saying why without echoing secrets", (_, value, reason) => {
    const parsed = parseRoleCredentialCacheFile(value);
    expect(parsed).toEqual({ ok: false, reason });
  });
});
