/**
 * fromSSO as the credentials of a real STS client: GetCallerIdentity on the emulator, which verifies the SigV4
 * signature made with the role credentials it issued. Directly, inside credential chains, and across expiry.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createCredentialChain, fromEnv } from "@aws-sdk/credential-providers";
import { chain } from "@smithy/property-provider";
import type { AwsCredentialIdentity } from "@smithy/types";
import { SsoTokenCache } from "@sso-kit/token-provider";
import type { SeededToken } from "@sso-kit/emulator";
import { setTimeout as sleep } from "node:timers/promises";
import {
  pointSdkAt,
  useEmulator,
  useTempHome,
  writeCachedToken,
  writeConfig,
} from "../../packages/credential-provider/src/__fixtures__/testEnvironment";
import type * as CredentialProvider from "@sso-kit/credential-provider";

type Sdk = typeof CredentialProvider;
let sdk: Sdk;

useTempHome();

const CONFIG = (startUrl: string) =>
  [
    "[profile dev]",
    "sso_session = dev",
    "sso_account_id = 111111111111",
    "sso_role_name = ReadOnly",
    "[profile legacy]",
    `sso_start_url = ${startUrl}`,
    "sso_region = us-east-1",
    "sso_account_id = 222222222222",
    "sso_role_name = AdministratorAccess",
    "[profile plain]",
    "region = eu-west-1",
    "[sso-session dev]",
    `sso_start_url = ${startUrl}`,
    "sso_region = us-east-1",
  ].join("\n");

/** Per describe block: an emulator, a fresh module state, the config and helpers bound to that emulator. */
const useSetup = (options: Parameters<typeof useEmulator>[0] = {}) => {
  const env = useEmulator(options);
  beforeEach(async () => {
    jest.resetModules();
    sdk = await import("@sso-kit/credential-provider");
    pointSdkAt(env.emu);
    writeConfig(CONFIG(env.emu.startUrl));
  });
  const signIn = async (key: string, expiresAt?: Date): Promise<SeededToken> => {
    const seeded = env.emu.seedToken(expiresAt === undefined ? {} : { expiresAt });
    await writeCachedToken(key, env.emu.cachedToken(seeded));
    return seeded;
  };
  const sts = (credentials: NonNullable<ConstructorParameters<typeof STSClient>[0]>["credentials"]) =>
    new STSClient({ region: "us-east-1", endpoint: env.emu.url, credentials });
  return { env, signIn, sts };
};

describe("hour-long credentials", () => {
  const { env, signIn, sts } = useSetup();

  test("STSClient with credentials: fromSSO({ profile }) calls GetCallerIdentity with verified signatures", async () => {
    await signIn("dev");
    await signIn(env.emu.startUrl);
    const dev = await sts(sdk.fromSSO({ profile: "dev" })).send(new GetCallerIdentityCommand({}));
    expect(dev).toMatchObject({
      Account: "111111111111",
      Arn: expect.stringContaining(":assumed-role/ReadOnly/"),
    });
    const legacy = await sts(sdk.fromSSO({ profile: "legacy" })).send(new GetCallerIdentityCommand({}));
    expect(legacy).toMatchObject({
      Account: "222222222222",
      Arn: expect.stringContaining("/AdministratorAccess/"),
    });
    expect(env.emu.stats()).toMatchObject({ GetCallerIdentity: 2, GetRoleCredentials: 2 });
  });

  test("the same through createCredentialChain: links before it are skipped, a non-SSO profile passes on", async () => {
    await signIn("dev");
    const credentials = createCredentialChain(
      fromEnv(),
      sdk.fromSSO({ profile: "plain" }),
      sdk.fromSSO({ profile: "dev" }),
    );
    const identity = await sts(credentials).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe("111111111111");
  });

  test("chain from @smithy/property-provider: a real SSO failure stops the chain", async () => {
    await signIn(env.emu.startUrl, new Date(Date.now() - 60_000));
    await signIn("dev");
    const fallback = jest.fn(async (): Promise<AwsCredentialIdentity> => ({
      accessKeyId: "AKIDFALLBACK",
      secretAccessKey: "fallback",
    }));
    await expect(chain(sdk.fromSSO({ profile: "legacy" }), fallback)()).rejects.toMatchObject({
      reason: "Token",
      tryNextLink: false,
    });
    expect(fallback).not.toHaveBeenCalled();
    const resolved = await chain(
      sdk.fromSSO({ profile: "plain" }),
      sdk.fromSSO({ profile: "dev" }),
      fallback,
    )();
    expect(resolved.accountId).toBe("111111111111");
    expect(fallback).not.toHaveBeenCalled();
  });
});

describe("expiring credentials", () => {
  const { env, signIn, sts } = useSetup({ roleCredentialsTtlSeconds: 2 });

  test("credentials and the token both refresh during a run (short-lived credentials, almost expired token)", async () => {
    const seeded = await signIn("dev", new Date(Date.now() + 90_000));
    const client = sts(sdk.fromSSO({ profile: "dev" }));
    const keys: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const authorization =
          (args.request as { headers: Record<string, string> }).headers.authorization ?? "";
        keys.push(/Credential=([^/]+)\//.exec(authorization)?.[1] ?? "");
        return next(args);
      },
      { step: "finalizeRequest", name: "recordAccessKey" },
    );
    await client.send(new GetCallerIdentityCommand({}));
    // The first credentials expire (2 s); the emulator would reject a request signed with them.
    await sleep(2_100);
    await client.send(new GetCallerIdentityCommand({}));
    await client.send(new GetCallerIdentityCommand({}));

    expect(env.emu.stats()).toMatchObject({ GetCallerIdentity: 3, CreateToken: 1 });
    expect(env.emu.stats().GetRoleCredentials).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBeGreaterThanOrEqual(2);
    const cached = await new SsoTokenCache().readToken("dev");
    expect(cached?.accessToken).not.toBe(seeded.accessToken);
    expect(Date.parse(cached?.expiresAt ?? "")).toBeGreaterThan(Date.now() + 30 * 60_000);
  });
});
