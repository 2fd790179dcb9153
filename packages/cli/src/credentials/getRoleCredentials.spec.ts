import type { Emulator } from "@sso-kit/emulator";
import { startEmulator } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CliError } from "../errors/CliError.js";
import { getRoleCredentials } from "./getRoleCredentials.js";
import { roleCredentialCacheKey } from "./roleCredentialCacheKey.js";

const SESSION = "spec-sess";

describe("getRoleCredentials", () => {
  let emu: Emulator;
  let home: string;
  const saved: Record<string, string | undefined> = {};
  const vars = [
    "HOME",
    "AWS_CONFIG_FILE",
    "AWS_PROFILE",
    "AWS_ENDPOINT_URL_SSO",
    "AWS_ENDPOINT_URL_SSO_OIDC",
  ];

  async function setUp(roleCredentialsTtlSeconds = 3600): Promise<void> {
    emu = await startEmulator({ roleCredentialsTtlSeconds });
    home = mkdtempSync(path.join(tmpdir(), "sso-kit-cli-grc-"));
    for (const name of vars) saved[name] = process.env[name];
    delete process.env.AWS_PROFILE;
    Object.assign(process.env, emu.env, { HOME: home, AWS_CONFIG_FILE: path.join(home, ".aws", "config") });
    const account = emu.accounts[0]!;
    mkdirSync(path.join(home, ".aws"), { recursive: true });
    writeFileSync(
      path.join(home, ".aws", "config"),
      [
        `[sso-session ${SESSION}]`,
        `sso_start_url = ${emu.startUrl}`,
        `sso_region = ${emu.region}`,
        "[profile dev]",
        `sso_session = ${SESSION}`,
        `sso_account_id = ${account.accountId}`,
        `sso_role_name = ${account.roles[0]}`,
        "[profile portal]",
        `sso_session = ${SESSION}`,
        "",
      ].join("\n"),
    );
    await new SsoTokenCache().writeToken(SESSION, { ...emu.cachedToken(emu.seedToken()) });
  }

  afterEach(async () => {
    await emu.stop();
    for (const name of vars) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    rmSync(home, { recursive: true, force: true });
  });

  function cacheFile(): string {
    const account = emu.accounts[0]!;
    const key = roleCredentialCacheKey({
      accountId: account.accountId,
      roleName: account.roles[0]!,
      sessionName: SESSION,
    });
    return path.join(home, ".aws", "cli", "cache", `${key}.json`);
  }

  it("fetches once, caches in the AWS CLI's place and format, then reuses the cache", async () => {
    await setUp();
    const first = await getRoleCredentials({ profile: "dev" });
    expect(first.source).toBe("sso");
    expect(emu.stats().GetRoleCredentials).toBe(1);
    const file = cacheFile();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(file, "utf8")) as {
      ProviderType: string;
      Credentials: Record<string, string>;
    };
    expect(written.ProviderType).toBe("sso");
    expect(written.Credentials.AccessKeyId).toBe(first.credentials.accessKeyId);
    expect(written.Credentials.AccountId).toBe(emu.accounts[0]!.accountId);

    const second = await getRoleCredentials({ profile: "dev" });
    expect(second.source).toBe("cache");
    expect(second.credentials.accessKeyId).toBe(first.credentials.accessKeyId);
    expect(emu.stats().GetRoleCredentials).toBe(1);
  });

  it("fetches again when the cached credentials expire within 5 minutes", async () => {
    await setUp(240);
    await getRoleCredentials({ profile: "dev" });
    const second = await getRoleCredentials({ profile: "dev" });
    expect(second.source).toBe("sso");
    expect(emu.stats().GetRoleCredentials).toBe(2);
  });

  it("replaces a corrupt cache file", async () => {
    await setUp();
    mkdirSync(path.dirname(cacheFile()), { recursive: true });
    writeFileSync(cacheFile(), '{"ProviderType":"sso","Credentials":');
    const resolved = await getRoleCredentials({ profile: "dev" });
    expect(resolved.source).toBe("sso");
    expect(JSON.parse(readFileSync(cacheFile(), "utf8")).Credentials.AccessKeyId).toBe(
      resolved.credentials.accessKeyId,
    );
  });

  it("rejects a profile without an account and role, saying what to add", async () => {
    await setUp();
    const error = await getRoleCredentials({ profile: "portal" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toContain("sso_account_id and sso_role_name");
    expect(emu.stats().GetRoleCredentials).toBe(0);
  });
});
