import type { IniSection } from "@sso-kit/token-provider/internal";
import { roleHop } from "../../../../test/support/credential-provider/roleHop.js";
import { readRoleHops, type RoleHopsEnvironment } from "./readRoleHops.js";
import type { RoleHop } from "./RoleHop.js";

const FILE = "/home/u/.aws/config";
const DEPLOY = "arn:aws:iam::222222222222:role/Deploy";
const AUDIT = "arn:aws:iam::333333333333:role/Audit";

const SSO: IniSection = { sso_session: "corp", sso_account_id: "111111111111", sso_role_name: "Hub" };
const config = (profiles: Record<string, IniSection>) => ({
  configFilepath: FILE,
  profiles: new Map(Object.entries(profiles)),
});
const hop = (profileName: string, roleArn: string, more: Partial<RoleHop> = {}): RoleHop =>
  roleHop({ profileName, roleArn, accountId: roleArn.split(":")[4], ...more });

describe("chains that resolve", () => {
  it.each<[string, Record<string, IniSection>, string, RoleHopsEnvironment, unknown]>([
    ["an SSO profile: no hops", { base: SSO }, "base", {}, { baseProfile: "base", hops: [] }],
    ["a missing profile: left to the SSO resolution", {}, "nope", {}, { baseProfile: "nope", hops: [] }],
    [
      "one hop with every setting",
      {
        base: SSO,
        prod: {
          role_arn: DEPLOY,
          source_profile: "base",
          role_session_name: "alice",
          external_id: "ext-42",
          duration_seconds: "900",
          mfa_serial: "arn:aws:iam::111111111111:mfa/alice",
          region: "eu-west-1",
          sts_regional_endpoints: "legacy",
        },
      },
      "prod",
      {},
      {
        baseProfile: "base",
        hops: [
          hop("prod", DEPLOY, {
            roleSessionName: "alice",
            externalId: "ext-42",
            durationSeconds: 900,
            mfaSerial: "arn:aws:iam::111111111111:mfa/alice",
            region: "eu-west-1",
            useGlobalEndpoint: true,
          }),
        ],
      },
    ],
    [
      "two hops, in assuming order (nearest the SSO profile first)",
      {
        base: SSO,
        mid: { role_arn: DEPLOY, source_profile: "base" },
        top: { role_arn: AUDIT, source_profile: "mid" },
      },
      "top",
      {},
      { baseProfile: "base", hops: [hop("mid", DEPLOY), hop("top", AUDIT)] },
    ],
    [
      "role_arn wins over sso_* in the same profile, as in fromIni",
      { base: SSO, both: { ...SSO, role_arn: DEPLOY, source_profile: "base" } },
      "both",
      {},
      { baseProfile: "base", hops: [hop("both", DEPLOY)] },
    ],
    [
      "AWS_STS_REGIONAL_ENDPOINTS wins over the profile's sts_regional_endpoints",
      { base: SSO, prod: { role_arn: DEPLOY, source_profile: "base", sts_regional_endpoints: "legacy" } },
      "prod",
      { AWS_STS_REGIONAL_ENDPOINTS: "regional" },
      { baseProfile: "base", hops: [hop("prod", DEPLOY)] },
    ],
    [
      "empty values count as unset",
      { base: SSO, prod: { role_arn: DEPLOY, source_profile: "base", external_id: "", region: "" } },
      "prod",
      {},
      { baseProfile: "base", hops: [hop("prod", DEPLOY)] },
    ],
  ])("%s", (_, profiles, name, env, expected) => {
    expect(readRoleHops(config(profiles), name, env)).toEqual(expected);
  });
});

describe("chains that are not SSO: NotApplicable, tryNextLink", () => {
  it.each<[string, Record<string, IniSection>, string]>([
    [
      "source profile with static keys",
      {
        keys: { aws_access_key_id: "AKID", aws_secret_access_key: "s", ...SSO },
        prod: { role_arn: DEPLOY, source_profile: "keys" },
      },
      "Profile 'keys' (source of 'prod') has static keys",
    ],
    [
      "credential_source",
      { prod: { role_arn: DEPLOY, credential_source: "Environment" } },
      "credential_source = Environment",
    ],
    [
      "a profile that is its own source, with static keys (fromIni's self-source)",
      { self: { role_arn: DEPLOY, source_profile: "self", aws_access_key_id: "AKID" } },
      "Profile 'self' (source of 'self') has static keys",
    ],
  ])("%s", (_, profiles, message) => {
    const name = Object.keys(profiles).at(-1)!;
    expect(() => readRoleHops(config(profiles), name, {})).toThrow(
      expect.objectContaining({
        reason: "NotApplicable",
        tryNextLink: true,
        message: expect.stringContaining(message) as unknown,
      }),
    );
  });
});

describe("configuration errors: InvalidConfig naming the profile and the file", () => {
  it.each<[string, Record<string, IniSection>, string, string[]]>([
    [
      "a cycle",
      { a: { role_arn: DEPLOY, source_profile: "b" }, b: { role_arn: AUDIT, source_profile: "a" } },
      "a",
      ["a -> b -> a", FILE],
    ],
    ["a profile that is its own source", { a: { role_arn: DEPLOY, source_profile: "a" } }, "a", ["a -> a"]],
    [
      "source_profile naming no profile",
      { prod: { role_arn: DEPLOY, source_profile: "gone" } },
      "prod",
      ["Profile 'prod' sets source_profile = gone", "no profile 'gone'", FILE],
    ],
    ["no source_profile", { prod: { role_arn: DEPLOY } }, "prod", ["'prod'", "no source_profile", FILE]],
    [
      "both source_profile and credential_source",
      { base: SSO, prod: { role_arn: DEPLOY, source_profile: "base", credential_source: "Environment" } },
      "prod",
      ["'prod' sets both source_profile and credential_source", FILE],
    ],
    [
      "a role_arn that is not a role ARN",
      { base: SSO, prod: { role_arn: "arn:aws:iam::2222:user/x", source_profile: "base" } },
      "prod",
      ["role_arn = arn:aws:iam::2222:user/x", FILE],
    ],
    [
      "a duration_seconds that is not a number",
      { base: SSO, prod: { role_arn: DEPLOY, source_profile: "base", duration_seconds: "1h" } },
      "prod",
      ["duration_seconds = 1h", FILE],
    ],
  ])("%s", (_, profiles, name, parts) => {
    let error: unknown;
    try {
      readRoleHops(config(profiles), name, {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ reason: "InvalidConfig", tryNextLink: false });
    for (const part of parts) expect((error as Error).message).toContain(part);
  });
});
