import { startSsoSandbox, type SsoSandbox } from "../../../../test/support/startSsoSandbox.js";
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
  let sandbox: SsoSandbox;

  beforeEach(async () => {
    sandbox = await startSsoSandbox({
      emulator: { accounts, pageSize: 1 },
      config: (emu) =>
        [
          "[sso-session s]",
          `sso_start_url = ${emu.startUrl}`,
          `sso_region = ${emu.region}`,
          "[profile portal]",
          "sso_session = s",
          "[profile legacy]",
          `sso_start_url = ${emu.startUrl}`,
          `sso_region = ${emu.region}`,
        ].join("\n"),
      homePrefix: "sso-kit-cli-ls-",
    });
  });
  afterEach(async () => {
    await sandbox.close();
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
    await sandbox.signIn("s");
    const listing = await listAccountsAndRoles({ profile: "portal" });
    expect(listing).toEqual({
      profileName: "portal",
      startUrl: sandbox.emu.startUrl,
      region: sandbox.emu.region,
      accounts: expected,
    });
    expect(sandbox.emu.stats().ListAccounts).toBe(3);
    expect(sandbox.emu.stats().ListAccountRoles).toBe(6);
  });

  it("works for a legacy profile with a valid token", async () => {
    await sandbox.signIn(sandbox.emu.startUrl);
    const listing = await listAccountsAndRoles({ profile: "legacy" });
    expect(listing.accounts).toEqual(expected);
  });

  it("redacts the access token a rejecting portal echoes, in its error and in the SDK's log line", async () => {
    const seeded = await sandbox.signIn("s");
    sandbox.emu.faults.add({
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
    await sandbox.signIn(sandbox.emu.startUrl, { expiresAt: new Date(Date.now() - 60_000) });
    await expect(listAccountsAndRoles({ profile: "legacy" })).rejects.toMatchObject({
      exitCode: ExitCode.NotSignedIn,
      message: expect.stringContaining("sso-kit login --profile legacy"),
    });
    expect(sandbox.emu.stats().ListAccounts).toBe(0);
  });
});
