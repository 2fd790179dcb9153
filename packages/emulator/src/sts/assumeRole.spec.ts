import { GetRoleCredentialsCommand } from "@aws-sdk/client-sso";
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
  type AssumeRoleCommandInput,
} from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { caught } from "../../../../test/support/emulator/caught.js";
import { ssoClient } from "../../../../test/support/emulator/clients.js";
import { withEnv } from "../../../../test/support/emulator/withEnv.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ userName: "jane@example.com" });
});
afterAll(() => emu.stop());
afterEach(() => {
  emu.clock.setOffset(0);
  emu.reset();
});

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken: string };

/** Permission-set credentials from the portal, as a user signed in with SSO has them. */
const portalCredentials = async (accountId = "222222222222", roleName = "AdministratorAccess") => {
  const { accessToken } = emu.seedToken();
  const out = await ssoClient(emu).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
  const c = out.roleCredentials ?? {};
  return {
    accessKeyId: c.accessKeyId ?? "",
    secretAccessKey: c.secretAccessKey ?? "",
    sessionToken: c.sessionToken ?? "",
  };
};

const sts = (credentials: Credentials) =>
  new STSClient({ region: emu.region, endpoint: emu.url, credentials, maxAttempts: 1 });

const assume = async (credentials: Credentials, input: Partial<AssumeRoleCommandInput> = {}) => {
  const out = await sts(credentials).send(
    new AssumeRoleCommand({
      RoleArn: "arn:aws:iam::111111111111:role/ReadOnly",
      RoleSessionName: "deploy-1",
      ...input,
    }),
  );
  const c = out.Credentials;
  return {
    out,
    credentials: {
      accessKeyId: c?.AccessKeyId ?? "",
      secretAccessKey: c?.SecretAccessKey ?? "",
      sessionToken: c?.SessionToken ?? "",
    },
  };
};

const expectStsError = (
  e: Record<string, unknown>,
  name: string,
  status: number,
  message: string | RegExp,
) => {
  expect(e).toBeInstanceOf(STSServiceException);
  expect(e).toMatchObject({ name, $metadata: { httpStatusCode: status } });
  expect(e.message).toMatch(message);
};

describe("STS AssumeRole", () => {
  it("assumes a role with portal credentials; GetCallerIdentity then reports the new session", async () => {
    const { out, credentials } = await assume(await portalCredentials());
    expect(out.AssumedRoleUser).toEqual({
      Arn: "arn:aws:sts::111111111111:assumed-role/ReadOnly/deploy-1",
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z0-9]{17}:deploy-1$/),
    });
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.secretAccessKey).toHaveLength(40);
    expect(credentials.sessionToken.length).toBeGreaterThan(100);
    const issued = emu.issuedCredentials().find((entry) => entry.accessKeyId === credentials.accessKeyId);
    expect(issued).toMatchObject({ accountId: "111111111111", roleName: "ReadOnly" });
    expect(out.Credentials?.Expiration).toEqual(issued?.expiration);
    const who = await sts(credentials).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({
      Account: "111111111111",
      Arn: "arn:aws:sts::111111111111:assumed-role/ReadOnly/deploy-1",
      UserId: out.AssumedRoleUser?.AssumedRoleId,
    });
  });

  it("chains several hops, each signed with the previous hop's credentials", async () => {
    const first = await assume(await portalCredentials(), { RoleSessionName: "hop-1" });
    const second = await assume(first.credentials, {
      RoleArn: "arn:aws:iam::333333333333:role/ReadOnly",
      RoleSessionName: "hop-2",
    });
    const third = await assume(second.credentials, {
      RoleArn: "arn:aws:iam::222222222222:role/AdministratorAccess",
      RoleSessionName: "hop-3",
    });
    const who = await sts(third.credentials).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe("arn:aws:sts::222222222222:assumed-role/AdministratorAccess/hop-3");
    expect(emu.stats()).toMatchObject({ AssumeRole: 3, GetCallerIdentity: 1, GetRoleCredentials: 1 });
    expect(emu.requestLog().filter((entry) => entry.operation === "AssumeRole")).toEqual([
      expect.objectContaining({ method: "POST", path: "/", status: 200 }),
      expect.objectContaining({ status: 200 }),
      expect.objectContaining({ status: 200 }),
    ]);
  });

  it("serves the SDK's own chaining provider, fromTemporaryCredentials, over two hops", async () => {
    const clientConfig = { region: emu.region, endpoint: emu.url };
    const hub = fromTemporaryCredentials({
      masterCredentials: await portalCredentials(),
      params: { RoleArn: "arn:aws:iam::111111111111:role/ReadOnly", RoleSessionName: "hub" },
      clientConfig,
    });
    const target = fromTemporaryCredentials({
      masterCredentials: hub,
      params: { RoleArn: "arn:aws:iam::333333333333:role/ReadOnly", RoleSessionName: "target" },
      clientConfig,
    });
    const who = await new STSClient({ ...clientConfig, credentials: target }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(who.Arn).toBe("arn:aws:sts::333333333333:assumed-role/ReadOnly/target");
    expect(emu.stats().AssumeRole).toBe(2);
  });

  it("gives 3600 s by default and honours DurationSeconds down to 900, on the emulator clock", async () => {
    const source = await portalCredentials();
    /** The session length the reply announced, bracketed by the emulator clock around the call. */
    const lifetime = async (input: Partial<AssumeRoleCommandInput>) => {
      const before = emu.clock.now();
      const result = await assume(source, input);
      const after = emu.clock.now();
      const expiresMs = result.out.Credentials?.Expiration?.getTime() ?? 0;
      return { ...result, shortest: expiresMs - after, longest: expiresMs - before + 1000 };
    };
    const byDefault = await lifetime({});
    expect(byDefault.shortest).toBeLessThanOrEqual(3600_000);
    expect(byDefault.longest).toBeGreaterThanOrEqual(3600_000);
    const short = await lifetime({ DurationSeconds: 900 });
    expect(short.shortest).toBeLessThanOrEqual(900_000);
    expect(short.longest).toBeGreaterThanOrEqual(900_000);
    emu.clock.advance(900_000);
    const e = await caught(sts(short.credentials).send(new GetCallerIdentityCommand({})));
    expectStsError(e, "ExpiredToken", 403, "The security token included in the request is expired");
    await sts(byDefault.credentials).send(new GetCallerIdentityCommand({}));
  });

  it.each<[string, Partial<AssumeRoleCommandInput>, RegExp]>([
    [
      "DurationSeconds below 900",
      { DurationSeconds: 899 },
      /Value '899' at 'durationSeconds' .* greater than or equal to 900/,
    ],
    ["DurationSeconds above 43200", { DurationSeconds: 43201 }, /less than or equal to 43200/],
    [
      "a chained session over an hour",
      { DurationSeconds: 7200 },
      /exceeds the 1 hour session limit for roles assumed by role chaining/,
    ],
    [
      "a one-character session name",
      { RoleSessionName: "a" },
      /'roleSessionName' .* length greater than or equal to 2/,
    ],
    [
      "a session name with a space",
      { RoleSessionName: "has space" },
      /regular expression pattern: \[\\w\+=,\.@-\]\*/,
    ],
    ["a 65-character session name", { RoleSessionName: "x".repeat(65) }, /length less than or equal to 64/],
    ["a malformed role ARN", { RoleArn: "arn:aws:iam::111:role/ReadOnly" }, /is invalid/],
    [
      "two violations at once",
      { RoleSessionName: "a", DurationSeconds: 1 },
      /^2 validation errors detected: /,
    ],
  ])("answers %s with ValidationError (400)", async (_what, input, message) => {
    const e = await caught(assume(await portalCredentials(), input));
    expectStsError(e, "ValidationError", 400, message);
    expect(emu.requestLog()).toContainEqual(
      expect.objectContaining({ operation: "AssumeRole", status: 400, errorType: "ValidationError" }),
    );
  });

  it("denies a role the directory does not have", async () => {
    const e = await caught(
      assume(await portalCredentials(), { RoleArn: "arn:aws:iam::333333333333:role/AdministratorAccess" }),
    );
    expectStsError(
      e,
      "AccessDenied",
      403,
      "User: arn:aws:sts::222222222222:assumed-role/AdministratorAccess/jane@example.com is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/AdministratorAccess",
    );
  });

  it("authenticates the caller like GetCallerIdentity: unknown key, bad signature, expired credentials", async () => {
    const source = await portalCredentials();
    expectStsError(
      await caught(assume({ ...source, accessKeyId: "ASIAUNKNOWNUNKNOWN00" })),
      "InvalidClientTokenId",
      403,
      "The security token included in the request is invalid.",
    );
    expectStsError(
      await caught(assume({ ...source, secretAccessKey: `${source.secretAccessKey.slice(1)}x` })),
      "SignatureDoesNotMatch",
      403,
      /does not match/,
    );
    emu.clock.advance(3600_000);
    expectStsError(await caught(assume(source)), "ExpiredToken", 403, /expired/);
  });

  it("is subject to fault injection under its own name", async () => {
    const source = await portalCredentials();
    emu.faults.add({ operation: "AssumeRole", status: 500, times: 1 });
    expectStsError(await caught(assume(source)), "InternalFailure", 500, /Injected/);
    await assume(source);
    await sts(source).send(new GetCallerIdentityCommand({}));
    expect(emu.stats()).toMatchObject({ AssumeRole: 2, GetCallerIdentity: 1 });
  });

  it("is reachable through AWS_ENDPOINT_URL_STS like the other STS operation", async () => {
    const credentials = await portalCredentials();
    const out = await withEnv({ ...emu.env, AWS_ENDPOINT_URL: undefined }, () =>
      new STSClient({ region: emu.region, credentials }).send(
        new AssumeRoleCommand({ RoleArn: "arn:aws:iam::222222222222:role/ReadOnly", RoleSessionName: "env" }),
      ),
    );
    expect(out.AssumedRoleUser?.Arn).toBe("arn:aws:sts::222222222222:assumed-role/ReadOnly/env");
  });
});
