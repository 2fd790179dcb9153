import type { Emulator } from "@sso-kit/emulator";
import { startEmulator } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ExitCode } from "../ExitCode.js";
import { createCliLogger } from "../logging/createCliLogger.js";
import { KnownSecrets } from "../secrets/KnownSecrets.js";
import { listAccountsAndRoles } from "./listAccountsAndRoles.js";

const accounts = [
  { accountId: "111111111111", accountName: "zeta", emailAddress: "z@example.com", roles: ["B", "A"] },
  { accountId: "222222222222", accountName: "alpha", emailAddress: "a@example.com", roles: ["Admin"] },
  { accountId: "333333333333", accountName: "mid", emailAddress: "m@example.com", roles: ["R1", "R2", "R3"] },
];

describe("listAccountsAndRoles", () => {
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

  beforeEach(async () => {
    emu = await startEmulator({ accounts, pageSize: 1 });
    home = mkdtempSync(path.join(tmpdir(), "sso-kit-cli-ls-"));
    for (const name of vars) saved[name] = process.env[name];
    delete process.env.AWS_PROFILE;
    Object.assign(process.env, emu.env, { HOME: home, AWS_CONFIG_FILE: path.join(home, ".aws", "config") });
    mkdirSync(path.join(home, ".aws"), { recursive: true });
    writeFileSync(
      path.join(home, ".aws", "config"),
      [
        "[sso-session s]",
        `sso_start_url = ${emu.startUrl}`,
        `sso_region = ${emu.region}`,
        "[profile portal]",
        "sso_session = s",
        "[profile legacy]",
        `sso_start_url = ${emu.startUrl}`,
        `sso_region = ${emu.region}`,
        "",
      ].join("\n"),
    );
  });

  afterEach(async () => {
    await emu.stop();
    for (const name of vars) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    rmSync(home, { recursive: true, force: true });
  });

  const expected = [
    { accountId: "222222222222", accountName: "alpha", emailAddress: "a@example.com", roles: ["Admin"] },
    {
      accountId: "333333333333",
      accountName: "mid",
      emailAddress: "m@example.com",
      roles: ["R1", "R2", "R3"],
    },
    { accountId: "111111111111", accountName: "zeta", emailAddress: "z@example.com", roles: ["A", "B"] },
  ];

  it("reads every page of accounts and roles with the session's token", async () => {
    await new SsoTokenCache().writeToken("s", { ...emu.cachedToken(emu.seedToken()) });
    const listing = await listAccountsAndRoles({ profile: "portal" });
    expect(listing).toEqual({
      profileName: "portal",
      startUrl: emu.startUrl,
      region: emu.region,
      accounts: expected,
    });
    expect(emu.stats().ListAccounts).toBe(3);
    expect(emu.stats().ListAccountRoles).toBe(6);
  });

  it("works for a legacy profile with a valid token", async () => {
    await new SsoTokenCache().writeToken(emu.startUrl, { ...emu.cachedToken(emu.seedToken()) });
    const listing = await listAccountsAndRoles({ profile: "legacy" });
    expect(listing.accounts).toEqual(expected);
  });

  it("redacts the access token a rejecting portal echoes, in its error and in the SDK's log line", async () => {
    const seeded = emu.seedToken();
    await new SsoTokenCache().writeToken("s", { ...emu.cachedToken(seeded) });
    emu.faults.add({
      operation: "ListAccounts",
      exception: "UnauthorizedException",
      message: `token ${seeded.accessToken} expired`,
    });
    let logged = "";
    const secrets = new KnownSecrets();
    const logger = createCliLogger({
      stream: { write: (chunk: string) => ((logged += chunk), true) },
      debug: true,
      secrets,
    });

    const error: unknown = await listAccountsAndRoles({ profile: "portal", logger, secrets }).catch(
      (thrown: unknown) => thrown,
    );

    expect(error).toMatchObject({
      name: "CliError",
      exitCode: ExitCode.NotSignedIn,
      message: expect.stringContaining("(UnauthorizedException: token [redacted] expired)"),
    });
    expect((error as Error).message).not.toContain(seeded.accessToken);
    expect(secrets.values()).toContain(seeded.accessToken);
    expect(logged).toContain("sso-kit error:"); // the SDK logged the rejection, echo included
    expect(logged).toContain("token [redacted] expired");
    expect(logged).not.toContain(seeded.accessToken);
  });

  it("says 'not signed in' for a legacy profile whose token expired", async () => {
    const seeded = emu.seedToken({ expiresAt: new Date(Date.now() - 60_000) });
    await new SsoTokenCache().writeToken(emu.startUrl, { ...emu.cachedToken(seeded) });
    await expect(listAccountsAndRoles({ profile: "legacy" })).rejects.toMatchObject({
      exitCode: ExitCode.NotSignedIn,
      message: expect.stringContaining("sso-kit login --profile legacy"),
    });
    expect(emu.stats().ListAccounts).toBe(0);
  });
});
