import { startSsoSandbox, type SsoSandbox } from "../../../../test/support/startSsoSandbox.js";
import { SsoTokenCache } from "@sso-kit/token-provider/internal";
import { describeCommandFailure } from "../errors/describeCommandFailure.js";
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

  it("reads every page of accounts and roles with the session's token, telling how far it has come", async () => {
    await sandbox.signIn("s");
    const progress: unknown[] = [];
    const listing = await listAccountsAndRoles({
      profile: "portal",
      onProgress: (step) => progress.push(step),
    });
    expect(listing).toEqual({
      profileName: "portal",
      startUrl: sandbox.emu.startUrl,
      region: sandbox.emu.region,
      accounts: expected,
    });
    // ListAccounts asks for 100 a page (the emulator's default here is 1); roles come a page per role.
    expect(sandbox.emu.stats().ListAccounts).toBe(1);
    expect(sandbox.emu.stats().ListAccountRoles).toBe(6);
    expect(progress).toEqual([0, 1, 2, 3].map((listed) => ({ listed, accounts: 3 })));
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
      message: expect.stringContaining(
        "(ListAccounts, HTTP 401: UnauthorizedException: token [redacted] expired)",
      ),
    });
    expect((error as Error).message).not.toContain(seeded.accessToken);
    expect(secrets.values()).toContain(seeded.accessToken);
    expect(logged).toContain("sso-kit error:"); // the SDK logged the rejection, echo included
    expect(logged).toContain("token [redacted] expired");
    expect(logged).not.toContain(seeded.accessToken);
  });

  it("stops with a service failure when the portal repeats a nextToken", async () => {
    await sandbox.signIn("s");
    sandbox.emu.faults.add({
      operation: "ListAccounts",
      response: { body: { accountList: [], nextToken: "same-token" } },
    });
    await expect(listAccountsAndRoles({ profile: "portal" })).rejects.toMatchObject({
      name: "CliError",
      exitCode: ExitCode.Failure,
      message:
        "IAM Identity Center's ListAccounts sent a nextToken it had already sent, after 2 pages (HTTP 200): the service failed; try again",
    });
    expect(sandbox.emu.stats().ListAccounts).toBe(2);
  });

  it.each([
    ["ListAccounts", { nextToken: "x" }, "has no accountList"],
    ["ListAccounts", { accountList: [{ accountName: "no id" }] }, "has no accountId"],
    [
      "ListAccounts",
      { accountList: [{ accountId: "12\u001b[2J" }] },
      "has an accountId that is not 12 digits",
    ],
    ["ListAccountRoles", {}, "has no roleList"],
    ["ListAccountRoles", { roleList: [{ accountId: "111111111111" }] }, "has no roleName"],
  ] as const)("calls a %s reply %j an error, never an empty list", async (operation, body, what) => {
    await sandbox.signIn("s");
    sandbox.emu.faults.add({ operation, response: { body } });
    await expect(listAccountsAndRoles({ profile: "portal" })).rejects.toMatchObject({
      exitCode: ExitCode.Failure,
      message: `IAM Identity Center's ${operation} reply (HTTP 200) ${what}: the service failed; try again`,
    });
  });

  it("names the operation and the HTTP status of a service failure", async () => {
    await sandbox.signIn("s");
    sandbox.emu.faults.add({ operation: "ListAccountRoles", status: 500 });
    await expect(listAccountsAndRoles({ profile: "portal" })).rejects.toMatchObject({
      exitCode: ExitCode.Failure,
      message: expect.stringMatching(
        /^IAM Identity Center failed ListAccountRoles \(HTTP 500: .+\): the service failed or could not be reached; try again$/,
      ),
    });
  });

  it("names the portal endpoint's URL when it answers with a redirect", async () => {
    await sandbox.signIn("s");
    sandbox.emu.faults.add({
      operation: "ListAccounts",
      response: { status: 302, headers: { location: "https://login.example/" }, body: "" },
    });
    await expect(listAccountsAndRoles({ profile: "portal" })).rejects.toMatchObject({
      exitCode: ExitCode.Failure,
      message: `the SSO portal endpoint ${sandbox.emu.url} answered ListAccounts with a redirect (HTTP 302): it is not the IAM Identity Center API; check sso_region and the endpoint settings (AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL, endpoint_url)`,
    });
  });

  it("says 'not signed in' for a legacy profile whose token expired", async () => {
    await sandbox.signIn(sandbox.emu.startUrl, { expiresAt: new Date(Date.now() - 60_000) });
    await expect(listAccountsAndRoles({ profile: "legacy" })).rejects.toMatchObject({
      exitCode: ExitCode.NotSignedIn,
      message: expect.stringContaining("sso-kit login --profile legacy"),
    });
    expect(sandbox.emu.stats().ListAccounts).toBe(0);
  });

  describe("a token the portal rejects before its expiry", () => {
    const inAnHour = () => ({ expiresAt: new Date(Date.now() + 3_600_000) });

    it("is refreshed once and the listing completes, no sign-in", async () => {
      const seeded = await sandbox.signIn("s", inAnHour());
      sandbox.emu.revokeAccessToken(seeded.accessToken);
      const secrets = new KnownSecrets();
      const listing = await listAccountsAndRoles({ profile: "portal", secrets });
      expect(listing.accounts).toEqual(expected);
      // One rejected ListAccounts page, then the one page (of up to 100 accounts) again with the new token.
      expect(sandbox.emu.stats()).toMatchObject({ CreateToken: 1, ListAccounts: 2, ListAccountRoles: 6 });
      const healed = (await new SsoTokenCache().readToken("s"))!.accessToken;
      expect(healed).not.toBe(seeded.accessToken);
      expect(secrets.values()).toEqual(expect.arrayContaining([seeded.accessToken, healed]));
    });

    it("heals in the middle of the listing too: one refresh for every call rejected with that token", async () => {
      await sandbox.signIn("s", inAnHour());
      sandbox.emu.faults.add({ operation: "ListAccountRoles", times: 2, exception: "UnauthorizedException" });
      const listing = await listAccountsAndRoles({ profile: "portal" });
      expect(listing.accounts).toEqual(expected);
      expect(sandbox.emu.stats().CreateToken).toBe(1);
    });

    it("signed out server-side (refresh token revoked too): not signed in (exit 3) after one refresh attempt", async () => {
      const seeded = await sandbox.signIn("s", inAnHour());
      sandbox.emu.revokeToken(seeded.accessToken);
      const error: unknown = await listAccountsAndRoles({ profile: "portal" }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        reason: "SessionEnded",
        signInCommand: "sso-kit login --profile portal",
      });
      expect(describeCommandFailure(error, [seeded.accessToken]).exitCode).toBe(ExitCode.NotSignedIn);
      expect(sandbox.emu.stats()).toMatchObject({ CreateToken: 1, ListAccounts: 1 });
    });

    it("rejected again after the refresh: not signed in, no second refresh", async () => {
      await sandbox.signIn("s", inAnHour());
      sandbox.emu.faults.add({ operation: "ListAccounts", exception: "UnauthorizedException" });
      await expect(listAccountsAndRoles({ profile: "portal" })).rejects.toMatchObject({
        exitCode: ExitCode.NotSignedIn,
      });
      expect(sandbox.emu.stats()).toMatchObject({ CreateToken: 1, ListAccounts: 2 });
    });

    it("a legacy profile cannot refresh: not signed in at once", async () => {
      const seeded = await sandbox.signIn(sandbox.emu.startUrl, inAnHour());
      sandbox.emu.revokeAccessToken(seeded.accessToken);
      await expect(listAccountsAndRoles({ profile: "legacy" })).rejects.toMatchObject({
        exitCode: ExitCode.NotSignedIn,
        message: expect.stringContaining("sso-kit login --profile legacy"),
      });
      expect(sandbox.emu.stats()).toMatchObject({ CreateToken: 0, ListAccounts: 1 });
    });
  });
});
