import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startSsoSandbox, type SsoSandbox } from "../../../../test/support/startSsoSandbox.js";
import { CliError } from "../errors/CliError.js";
import { getRoleCredentials } from "./getRoleCredentials.js";
import { roleCredentialCacheKey } from "@sso-kit/credential-provider/internal";

const SESSION = "spec-sess";

describe("getRoleCredentials", () => {
  let sandbox: SsoSandbox;
  afterEach(async () => {
    await sandbox.close();
  });

  async function setUp(roleCredentialsTtlSeconds = 3600): Promise<void> {
    sandbox = await startSsoSandbox({
      emulator: { roleCredentialsTtlSeconds },
      config: (emu) => {
        const account = emu.accounts[0]!;
        return [
          `[sso-session ${SESSION}]`,
          `sso_start_url = ${emu.startUrl}`,
          `sso_region = ${emu.region}`,
          "[profile dev]",
          `sso_session = ${SESSION}`,
          `sso_account_id = ${account.accountId}`,
          `sso_role_name = ${account.roles[0]}`,
          "[profile portal]",
          `sso_session = ${SESSION}`,
        ].join("\n");
      },
      homePrefix: "sso-kit-cli-grc-",
    });
    await sandbox.signIn(SESSION);
  }

  function cacheFile(): string {
    const account = sandbox.emu.accounts[0]!;
    const key = roleCredentialCacheKey({
      accountId: account.accountId,
      roleName: account.roles[0]!,
      sessionName: SESSION,
    });
    return path.join(sandbox.home, ".aws", "cli", "cache", `${key}.json`);
  }

  it("fetches once, caches in the AWS CLI's place and format, then reuses the cache", async () => {
    await setUp();
    const first = await getRoleCredentials({ profile: "dev" });
    expect(first.source).toBe("sso");
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(1);
    const file = cacheFile();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(file, "utf8")) as {
      ProviderType: string;
      Credentials: Record<string, string>;
    };
    expect(written.ProviderType).toBe("sso");
    expect(written.Credentials.AccessKeyId).toBe(first.credentials.accessKeyId);
    expect(written.Credentials.AccountId).toBe(sandbox.emu.accounts[0]!.accountId);

    const second = await getRoleCredentials({ profile: "dev" });
    expect(second.source).toBe("cache");
    expect(second.credentials.accessKeyId).toBe(first.credentials.accessKeyId);
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(1);
  });

  it("fetches again when the cached credentials expire within 5 minutes", async () => {
    await setUp(240);
    await getRoleCredentials({ profile: "dev" });
    const second = await getRoleCredentials({ profile: "dev" });
    expect(second.source).toBe("sso");
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(2);
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
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(0);
  });
});
