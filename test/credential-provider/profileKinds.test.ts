/**
 * Every profile kind users keep in one config: sso-session and legacy SSO profiles (fromSSO's), and `aws login`
 * console-credential profiles (`login_session`, AWS CLI 2.32+), which are not SSO: fromSSO passes them on to the
 * next provider of a chain, naming the SDK provider that reads them. The console profile's credentials are real
 * emulator-issued ones put in the AWS CLI's login cache, so STS verifies every signature below.
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { createCredentialChain, fromIni, fromLoginCredentials } from "@aws-sdk/credential-providers";
import { chain } from "@smithy/property-provider";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ssoProfilesConfig } from "../support/credential-provider/ssoProfilesConfig";
import { writeConfig } from "../support/credential-provider/testEnvironment";
import { useCredentialProvider } from "./support/useCredentialProvider";

const LOGIN_SESSION = "arn:aws:iam::111111111111:user/alice";

describe("legacy, sso-session and aws login profiles in one config", () => {
  const env = useCredentialProvider();
  beforeEach(() => {
    writeConfig(
      `${ssoProfilesConfig(env.emu.startUrl)}\n[profile console]\nlogin_session = ${LOGIN_SESSION}\nregion = us-east-1\n`,
    );
  });

  /** What `aws login` leaves in `~/.aws/login/cache` (the SDK's reader needs these fields), with `credentials`. */
  const writeLoginCache = (credentials: Awaited<ReturnType<AwsCredentialIdentityProvider>>) => {
    const directory = join(env.home.dir, ".aws", "login", "cache");
    // The SDK finds the default one through os.homedir(), which does not see a HOME set inside jest.
    process.env.AWS_LOGIN_CACHE_DIRECTORY = directory;
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const name = `${createHash("sha256").update(LOGIN_SESSION).digest("hex")}.json`;
    const token = {
      accessToken: {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        sessionToken: credentials.sessionToken,
        accountId: "111111111111",
        expiresAt: credentials.expiration!.toISOString(),
      },
      clientId: "arn:aws:signin:::devtools/same-device",
      refreshToken: "login-refresh-token",
      dpopKey: "unused while the credentials are fresh",
    };
    writeFileSync(join(directory, name), JSON.stringify(token), { mode: 0o600 });
  };
  const callerAccount = async (credentials: AwsCredentialIdentityProvider) =>
    (await env.sts(credentials).send(new GetCallerIdentityCommand({}))).Account;

  test("fromSSO answers a login_session profile with tryNextLink: true, naming fromLoginCredentials", async () => {
    const error = await env.sdk
      .fromSSO({ profile: "console" })()
      .catch((e: unknown) => e);
    // The credential-provider package is imported afresh per test: so is its copy of the smithy error classes.
    expect(error).toBeInstanceOf(env.sdk.SsoCredentialsProviderError);
    expect((error as Error).name).toBe("CredentialsProviderError");
    expect(error).toMatchObject({ tryNextLink: true, reason: "NotApplicable", signInCommand: undefined });
    expect((error as Error).message).toContain("console credentials ('aws login', login_session)");
    expect((error as Error).message).toContain("fromLoginCredentials of @aws-sdk/credential-providers");
    expect(env.emu.stats()).toMatchObject({ CreateToken: 0, GetRoleCredentials: 0 });
  });

  test("each kind gets its own credentials; a chain passes the console profile on to the SDK's providers", async () => {
    await env.signIn("dev");
    await env.signIn(env.emu.startUrl);
    expect(await callerAccount(env.sdk.fromSSO({ profile: "dev" }))).toBe("111111111111");
    expect(await callerAccount(env.sdk.fromSSO({ profile: "legacy" }))).toBe("222222222222");
    writeLoginCache(await env.sdk.fromSSO({ profile: "dev" })());
    const calls = env.emu.stats().GetRoleCredentials;

    const viaIni = chain(env.sdk.fromSSO({ profile: "console" }), fromIni({ profile: "console" }));
    expect(await callerAccount(viaIni)).toBe("111111111111");
    const viaLogin = createCredentialChain(
      env.sdk.fromSSO({ profile: "console" }),
      fromLoginCredentials({ profile: "console" }),
    );
    expect(await callerAccount(viaLogin)).toBe("111111111111");
    // The console profile's credentials came from the login cache, not from the portal.
    expect(env.emu.stats().GetRoleCredentials).toBe(calls);
  });
});
