import { GetRoleCredentialsCommand } from "@aws-sdk/client-sso";
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
  type AssumeRoleCommandInput,
} from "@aws-sdk/client-sts";
import { caught } from "../../../../test/support/emulator/caught.js";
import { ssoClient } from "../../../../test/support/emulator/clients.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

const HUB = "arn:aws:iam::111111111111:role/Hub";
const DEPLOY = "arn:aws:iam::222222222222:role/ci/Deploy";
const AUDIT = "arn:aws:iam::333333333333:role/Audit";
const VAULT = "arn:aws:iam::333333333333:role/Vault";
const BREAK_GLASS = "arn:aws:iam::333333333333:role/BreakGlass";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    accounts: [
      {
        accountId: "111111111111",
        accountName: "Hub",
        emailAddress: "hub@example.com",
        roles: ["Hub", "Other"],
      },
      { accountId: "222222222222", accountName: "CI", emailAddress: "ci@example.com", roles: [] },
      { accountId: "333333333333", accountName: "Prod", emailAddress: "prod@example.com", roles: [] },
    ],
    trust: {
      [DEPLOY]: [HUB],
      [AUDIT]: ["222222222222"],
      [VAULT]: ["*"],
      [BREAK_GLASS]: [HUB],
    },
    roleConditions: {
      [VAULT]: { externalId: "ext-42" },
      [BREAK_GLASS]: { mfaTokenCode: "123456" },
    },
  });
});
afterAll(() => emu.stop());

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken: string };

const portalCredentials = async (roleName: string): Promise<Credentials> => {
  const { accessToken } = emu.seedToken();
  const out = await ssoClient(emu).send(
    new GetRoleCredentialsCommand({ accessToken, accountId: "111111111111", roleName }),
  );
  const c = out.roleCredentials ?? {};
  return {
    accessKeyId: c.accessKeyId ?? "",
    secretAccessKey: c.secretAccessKey ?? "",
    sessionToken: c.sessionToken ?? "",
  };
};

const assume = async (
  credentials: Credentials,
  RoleArn: string,
  input: Partial<AssumeRoleCommandInput> = {},
) => {
  const out = await new STSClient({
    region: emu.region,
    endpoint: emu.url,
    credentials,
    maxAttempts: 1,
  }).send(new AssumeRoleCommand({ RoleArn, RoleSessionName: "s1", ...input }));
  const c = out.Credentials;
  return {
    arn: out.AssumedRoleUser?.Arn,
    credentials: {
      accessKeyId: c?.AccessKeyId ?? "",
      secretAccessKey: c?.SecretAccessKey ?? "",
      sessionToken: c?.SessionToken ?? "",
    },
  };
};

const expectAccessDenied = async (
  promise: Promise<unknown>,
  message: string | RegExp = /is not authorized to perform: sts:AssumeRole on resource/,
) => {
  const e = await caught(promise);
  expect(e).toBeInstanceOf(STSServiceException);
  expect(e).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
  expect(e.message).toMatch(message);
};

describe("STS AssumeRole with a trust map and role conditions", () => {
  it("lets only the trusted role assume a role, and names roles with a path by their name", async () => {
    const hub = await portalCredentials("Hub");
    const deploy = await assume(hub, DEPLOY);
    expect(deploy.arn).toBe("arn:aws:sts::222222222222:assumed-role/Deploy/s1");
    await expectAccessDenied(
      assume(await portalCredentials("Other"), DEPLOY),
      `User: arn:aws:sts::111111111111:assumed-role/Other/emulator-user is not authorized to perform: sts:AssumeRole on resource: ${DEPLOY}`,
    );
  });

  it("narrows the default: a directory role the map does not name cannot be assumed", async () => {
    await expectAccessDenied(assume(await portalCredentials("Hub"), "arn:aws:iam::111111111111:role/Other"));
  });

  it("trusts every role of an account named by its id, over two hops", async () => {
    const deploy = await assume(await portalCredentials("Hub"), DEPLOY);
    const audit = await assume(deploy.credentials, AUDIT, { RoleSessionName: "audit-run" });
    const who = await new STSClient({
      region: emu.region,
      endpoint: emu.url,
      credentials: audit.credentials,
    }).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({
      Account: "333333333333",
      Arn: "arn:aws:sts::333333333333:assumed-role/Audit/audit-run",
    });
    await expectAccessDenied(assume(await portalCredentials("Hub"), AUDIT));
  });

  it("requires the configured ExternalId", async () => {
    const hub = await portalCredentials("Hub");
    await expectAccessDenied(assume(hub, VAULT));
    await expectAccessDenied(assume(hub, VAULT, { ExternalId: "ext-41" }));
    expect((await assume(hub, VAULT, { ExternalId: "ext-42" })).arn).toBe(
      "arn:aws:sts::333333333333:assumed-role/Vault/s1",
    );
  });

  it("requires MFA with the configured code", async () => {
    const hub = await portalCredentials("Hub");
    const serial = "arn:aws:iam::111111111111:mfa/jane";
    await expectAccessDenied(assume(hub, BREAK_GLASS));
    await expectAccessDenied(
      assume(hub, BREAK_GLASS, { SerialNumber: serial }),
      "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.",
    );
    await expectAccessDenied(
      assume(hub, BREAK_GLASS, { SerialNumber: serial, TokenCode: "654321" }),
      /invalid MFA one time pass code/,
    );
    const e = await caught(assume(hub, BREAK_GLASS, { SerialNumber: serial, TokenCode: "12345" }));
    expect(e).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    const ok = await assume(hub, BREAK_GLASS, { SerialNumber: serial, TokenCode: "123456" });
    expect(ok.arn).toBe("arn:aws:sts::333333333333:assumed-role/BreakGlass/s1");
  });
});
