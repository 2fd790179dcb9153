/**
 * fromSSO as the credentials of a real STS client: GetCallerIdentity on the emulator, which verifies the SigV4
 * signature made with the role credentials it issued. Directly, inside credential chains, and across expiry.
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { createCredentialChain, fromEnv } from "@aws-sdk/credential-providers";
import { chain } from "@smithy/property-provider";
import type { AwsCredentialIdentity } from "@smithy/types";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { setTimeout as sleep } from "node:timers/promises";
import { useCredentialProvider } from "./support/useCredentialProvider";

describe("hour-long credentials", () => {
  const env = useCredentialProvider();

  test("STSClient with credentials: fromSSO({ profile }) calls GetCallerIdentity with verified signatures", async () => {
    await env.signIn("dev");
    await env.signIn(env.emu.startUrl);
    const dev = await env.sts(env.sdk.fromSSO({ profile: "dev" })).send(new GetCallerIdentityCommand({}));
    expect(dev).toMatchObject({
      Account: "111111111111",
      Arn: expect.stringContaining(":assumed-role/ReadOnly/"),
    });
    const legacy = await env
      .sts(env.sdk.fromSSO({ profile: "legacy" }))
      .send(new GetCallerIdentityCommand({}));
    expect(legacy).toMatchObject({
      Account: "222222222222",
      Arn: expect.stringContaining("/AdministratorAccess/"),
    });
    expect(env.emu.stats()).toMatchObject({ GetCallerIdentity: 2, GetRoleCredentials: 2 });
  });

  test("the same through createCredentialChain: links before it are skipped, a non-SSO profile passes on", async () => {
    await env.signIn("dev");
    const credentials = createCredentialChain(
      fromEnv(),
      env.sdk.fromSSO({ profile: "plain" }),
      env.sdk.fromSSO({ profile: "dev" }),
    );
    const identity = await env.sts(credentials).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe("111111111111");
  });

  test("chain from @smithy/property-provider: a real SSO failure stops the chain", async () => {
    await env.signIn(env.emu.startUrl, { expiresAt: new Date(Date.now() - 60_000) });
    await env.signIn("dev");
    const fallback = jest.fn(async (): Promise<AwsCredentialIdentity> => ({
      accessKeyId: "AKIDFALLBACK",
      secretAccessKey: "fallback",
    }));
    await expect(chain(env.sdk.fromSSO({ profile: "legacy" }), fallback)()).rejects.toMatchObject({
      reason: "Token",
      tryNextLink: false,
    });
    expect(fallback).not.toHaveBeenCalled();
    const resolved = await chain(
      env.sdk.fromSSO({ profile: "plain" }),
      env.sdk.fromSSO({ profile: "dev" }),
      fallback,
    )();
    expect(resolved.accountId).toBe("111111111111");
    expect(fallback).not.toHaveBeenCalled();
  });
});

describe("expiring credentials", () => {
  const env = useCredentialProvider({ roleCredentialsTtlSeconds: 2 });

  test("credentials and the token both refresh during a run (short-lived credentials, almost expired token)", async () => {
    const seeded = await env.signIn("dev", { expiresAt: new Date(Date.now() + 90_000) });
    const client = env.sts(env.sdk.fromSSO({ profile: "dev" }));
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
