/**
 * Role chains from SSO profiles (`role_arn` + `source_profile`), end to end: the SSO portal for the first hop, then
 * STS AssumeRole per hop, on the emulator, which verifies each call's SigV4 signature against the credentials it
 * issued, and checks its trust map, ExternalId and MFA conditions. The chained credentials then sign a real STS
 * client's GetCallerIdentity.
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { createCredentialChain } from "@aws-sdk/credential-providers";
import { writeConfig } from "../support/credential-provider/testEnvironment";
import { ssoProfilesConfig } from "../support/credential-provider/ssoProfilesConfig";
import { recordingLogger } from "../support/recordingLogger";
import { errorText, leakedIn } from "../support/secrets";
import { useCredentialProvider } from "./support/useCredentialProvider";

const DEV_ROLE = "arn:aws:iam::111111111111:role/ReadOnly";
const DEPLOY = "arn:aws:iam::222222222222:role/Deploy";
const AUDIT = "arn:aws:iam::333333333333:role/Audit";
const PARTNER = "arn:aws:iam::444444444444:role/Partner";
const GUARDED = "arn:aws:iam::555555555555:role/Guarded";
const CLOSED = "arn:aws:iam::666666666666:role/Closed";
const MFA_SERIAL = "arn:aws:iam::111111111111:mfa/alice";

const env = useCredentialProvider({
  trust: {
    [DEPLOY]: [DEV_ROLE],
    [AUDIT]: ["222222222222"],
    [PARTNER]: [DEV_ROLE],
    [GUARDED]: [DEV_ROLE],
    // Trusts only a role nobody here has: AccessDenied for every caller.
    [CLOSED]: ["arn:aws:iam::999999999999:role/Other"],
  },
  roleConditions: {
    [PARTNER]: { externalId: "ext-42" },
    [GUARDED]: { mfaTokenCode: "123456" },
  },
});

const CHAINS = [
  "[profile prod]",
  `role_arn = ${DEPLOY}`,
  "source_profile = dev",
  "role_session_name = alice",
  "[profile unnamed]",
  `role_arn = ${DEPLOY}`,
  "source_profile = dev",
  "[profile audit]",
  `role_arn = ${AUDIT}`,
  "source_profile = prod",
  "role_session_name = auditor",
  "[profile partner]",
  `role_arn = ${PARTNER}`,
  "source_profile = dev",
  "role_session_name = partner",
  "external_id = ext-42",
  "[profile partner-without-id]",
  `role_arn = ${PARTNER}`,
  "source_profile = dev",
  "[profile guarded]",
  `role_arn = ${GUARDED}`,
  "source_profile = dev",
  "role_session_name = guarded",
  `mfa_serial = ${MFA_SERIAL}`,
  "[profile closed]",
  `role_arn = ${CLOSED}`,
  "source_profile = dev",
  "[profile loop-a]",
  `role_arn = ${DEPLOY}`,
  "source_profile = loop-b",
  "[profile loop-b]",
  `role_arn = ${AUDIT}`,
  "source_profile = loop-a",
  "[profile orphan]",
  `role_arn = ${DEPLOY}`,
  "source_profile = nowhere",
  "[profile sourceless]",
  `role_arn = ${DEPLOY}`,
  "[profile static]",
  "aws_access_key_id = AKIDSTATIC",
  "aws_secret_access_key = static-secret",
  "[profile via-static]",
  `role_arn = ${DEPLOY}`,
  "source_profile = static",
  "[profile via-metadata]",
  `role_arn = ${DEPLOY}`,
  "credential_source = Ec2InstanceMetadata",
  "[profile via-plain]",
  `role_arn = ${DEPLOY}`,
  "source_profile = plain",
].join("\n");

let configFile = "";
beforeEach(() => {
  configFile = writeConfig(`${ssoProfilesConfig(env.emu.startUrl)}\n${CHAINS}\n`);
});

const callerIdentity = (profile: string, init: Record<string, unknown> = {}) =>
  env.sts(env.sdk.fromSSO({ profile, ...init })).send(new GetCallerIdentityCommand({}));

const failure = (profile: string, init: Record<string, unknown> = {}) =>
  env.sdk
    .fromSSO({ profile, ...init })()
    .then(
      () => {
        throw new Error(`profile ${profile} resolved credentials`);
      },
      (error: unknown) => error as Error & { reason: string; tryNextLink: boolean; signInCommand?: string },
    );

test("a chained profile's GetCallerIdentity is the assumed role's, through SSO then AssumeRole", async () => {
  await env.signIn("dev");
  const identity = await callerIdentity("prod");
  expect(identity).toMatchObject({
    Account: "222222222222",
    Arn: "arn:aws:sts::222222222222:assumed-role/Deploy/alice",
  });
  expect(env.emu.stats()).toMatchObject({ GetRoleCredentials: 1, AssumeRole: 1, GetCallerIdentity: 1 });
  const resolved = await env.sdk.fromSSO({ profile: "prod" })();
  expect(resolved).toMatchObject({
    accountId: "222222222222",
    $source: {
      CREDENTIALS_SSO: "s",
      CREDENTIALS_PROFILE_SOURCE_PROFILE: "o",
      CREDENTIALS_STS_ASSUME_ROLE: "i",
    },
  });
  // Shared in-process, keyed by the chain: a second provider of the same profile calls neither service again.
  expect(env.emu.stats()).toMatchObject({ GetRoleCredentials: 1, AssumeRole: 1 });
});

test("20 providers of a chained profile resolving at once make one GetRoleCredentials and one AssumeRole", async () => {
  await env.signIn("dev");
  const resolved = await Promise.all(
    Array.from({ length: 20 }, () => env.sdk.fromSSO({ profile: "prod" })()),
  );
  expect(new Set(resolved.map((identity) => identity.accessKeyId)).size).toBe(1);
  expect(env.emu.stats()).toMatchObject({ GetRoleCredentials: 1, AssumeRole: 1 });
});

test("a two-hop chain (audit -> prod -> dev) assumes each role with the previous one's credentials", async () => {
  await env.signIn("dev");
  const identity = await callerIdentity("audit");
  expect(identity.Arn).toBe("arn:aws:sts::333333333333:assumed-role/Audit/auditor");
  expect(env.emu.stats()).toMatchObject({ GetRoleCredentials: 1, AssumeRole: 2 });
  // The middle hop is shared with a provider of `prod`.
  expect((await callerIdentity("prod")).Arn).toBe("arn:aws:sts::222222222222:assumed-role/Deploy/alice");
  expect(env.emu.stats()).toMatchObject({ GetRoleCredentials: 1, AssumeRole: 2 });
});

test("without role_session_name the session is named aws-sdk-js-<epoch ms>, as fromIni names it", async () => {
  await env.signIn("dev");
  const before = Date.now();
  const { Arn } = await callerIdentity("unnamed");
  const name = /assumed-role\/Deploy\/aws-sdk-js-(\d+)$/.exec(Arn ?? "")?.[1];
  expect(Number(name)).toBeGreaterThanOrEqual(before);
});

test("external_id: a role that requires one is assumed with it and denied without it", async () => {
  await env.signIn("dev");
  expect((await callerIdentity("partner")).Arn).toBe(
    "arn:aws:sts::444444444444:assumed-role/Partner/partner",
  );
  const denied = await failure("partner-without-id");
  expect(denied).toMatchObject({
    name: "CredentialsProviderError",
    reason: "ServiceError",
    tryNextLink: false,
  });
  expect(denied.message).toContain(PARTNER);
  expect(denied.message).toContain("partner-without-id");
  expect(denied.signInCommand).toBeUndefined();
});

test("mfa_serial: the code comes from mfaCodeProvider; without one the profile is a configuration error", async () => {
  await env.signIn("dev");
  const asked: string[] = [];
  const mfaCodeProvider = async (serial: string) => {
    asked.push(serial);
    return "123456";
  };
  expect((await callerIdentity("guarded", { mfaCodeProvider })).Arn).toBe(
    "arn:aws:sts::555555555555:assumed-role/Guarded/guarded",
  );
  expect(asked).toEqual([MFA_SERIAL]);

  const missing = await failure("guarded", { ignoreCache: true });
  expect(missing).toMatchObject({ reason: "InvalidConfig", tryNextLink: false });
  expect(missing.message).toContain("mfaCodeProvider");
  expect(missing.message).toContain(MFA_SERIAL);

  const wrong = await failure("guarded", { ignoreCache: true, mfaCodeProvider: async () => "654321" });
  expect(wrong).toMatchObject({ reason: "ServiceError", tryNextLink: false });
  expect(wrong.message).toContain(GUARDED);
});

test("AccessDenied from a trust map that excludes the source: a permission error naming the role, never sign-in", async () => {
  await env.signIn("dev");
  const source = await env.sdk.fromSSO({ profile: "dev" })();
  const { logger, lines } = recordingLogger();
  const denied = await failure("closed", { logger, clientConfig: { logger } });
  expect(denied).toMatchObject({ reason: "ServiceError", tryNextLink: false, signInCommand: undefined });
  expect(denied.message).toContain(`AssumeRole of ${CLOSED} (profile 'closed') was denied`);
  expect(denied.message).not.toMatch(/sign in|login/i);
  expect(leakedIn(errorText(denied), [source.secretAccessKey, source.sessionToken!])).toEqual([]);
  expect(leakedIn(lines.join("\n"), [source.secretAccessKey, source.sessionToken!])).toEqual([]);
});

test("a cycle of source_profile is a configuration error naming the profiles and the file", async () => {
  const error = await failure("loop-a");
  expect(error).toMatchObject({ reason: "InvalidConfig", tryNextLink: false });
  expect(error.message).toContain("loop-a -> loop-b -> loop-a");
  expect(error.message).toContain(configFile);
  expect(env.emu.stats()).toMatchObject({ GetRoleCredentials: 0, AssumeRole: 0 });
});

test.each([
  ["orphan", ["'orphan'", "source_profile = nowhere"]],
  ["sourceless", ["'sourceless'", "no source_profile"]],
])(
  "profile %s (source_profile absent or naming no profile) is a configuration error",
  async (profile, parts) => {
    const error = await failure(profile);
    expect(error).toMatchObject({ reason: "InvalidConfig", tryNextLink: false });
    for (const part of parts) expect(error.message).toContain(part);
    expect(error.message).toContain(configFile);
  },
);

test.each(["via-static", "via-metadata", "via-plain"])(
  "a chain with no SSO profile (%s) passes on to the next provider (tryNextLink: true)",
  async (profile) => {
    const error = await failure(profile);
    expect(error).toMatchObject({ reason: "NotApplicable", tryNextLink: true });
    expect(error.message).toContain(`'${profile}'`);
    const chain = createCredentialChain(env.sdk.fromSSO({ profile }), async () => ({
      accessKeyId: "AKIDNEXT",
      secretAccessKey: "next",
    }));
    expect((await chain()).accessKeyId).toBe("AKIDNEXT");
  },
);

test("STS refusing the source credentials is a service failure to retry, and the retry fetches new ones", async () => {
  await env.signIn("dev");
  env.emu.faults.add({ operation: "AssumeRole", exception: "ExpiredToken", times: 1 });
  const error = await failure("prod");
  expect(error).toMatchObject({ reason: "ServiceUnavailable", tryNextLink: false });
  expect(error.message).toContain("try again");
  expect((await env.sdk.fromSSO({ profile: "prod" })()).accountId).toBe("222222222222");
  expect(env.emu.stats()).toMatchObject({ GetRoleCredentials: 2, AssumeRole: 2 });
});
