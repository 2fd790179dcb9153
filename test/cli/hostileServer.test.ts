/**
 * Hostile and broken IAM Identity Center replies through the BUILT `sso-kit`, as real child processes: terminal
 * control sequences in every piece of server text (device prompt fields, error messages, account and role names),
 * endless and repeated `nextToken`s, replies without their lists, redirects, and an endpoint URL with a password.
 * Nothing a server sends may drive the terminal: no ESC, BEL or CR on stdout or stderr, and no line a server
 * forged (`sso-kit: signed in OK`) at the start of a line.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { requireBuilt } from "../support/requireBuilt";
import { finished, PROFILE, Sandbox, TOKEN_ONLY_PROFILE, waitForStderr, type CliRun } from "./harness";
import { TERMINAL_CONTROLS } from "../support/terminalControls";

/** Title, BEL, clear screen, CR/LF and a forged status line, with a C1 CSI for good measure. */
const HOSTILE = "\u001b]0;owned\u0007\u001b[2J\r\nsso-kit: signed in OK\u009b31m";

function expectNothingRaw(run: CliRun): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toMatch(TERMINAL_CONTROLS);
    expect(text).not.toMatch(/^sso-kit: signed in OK/m);
  }
}

describe("sso-kit against hostile servers", () => {
  let sandbox: Sandbox;
  beforeAll(() => requireBuilt("cli", "login", "token-provider", "credential-provider"));
  afterEach(async () => {
    await sandbox.dispose();
  });

  it("escapes control characters in account and role names (table and JSON)", async () => {
    sandbox = await Sandbox.create({
      accounts: [
        {
          accountId: "111111111111",
          accountName: `prod${HOSTILE}`,
          emailAddress: "p@example.com",
          roles: ["Admin"],
        },
      ],
    });
    await sandbox.seedSignIn();
    sandbox.emu.faults.add({
      operation: "ListAccountRoles",
      response: { body: { roleList: [{ accountId: "111111111111", roleName: `Admin${HOSTILE}` }] } },
    });
    const table = await sandbox.run(["ls", "--profile", TOKEN_ONLY_PROFILE]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("prod\\x1b]0;owned\\x07\\x1b[2J\\x0d\\x0asso-kit: signed in OK\\x9b31m");
    expectNothingRaw(table);
    const json = await sandbox.run(["ls", "--profile", TOKEN_ONLY_PROFILE, "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).accounts[0]).toMatchObject({
      accountName: `prod${HOSTILE}`,
      roles: [`Admin${HOSTILE}`],
    });
    expectNothingRaw(json);
  });

  it.each([[[]], [["--debug"]]])(
    "escapes a service's error message, printed once without --debug (args %j)",
    async (extra) => {
      sandbox = await Sandbox.create();
      await sandbox.seedSignIn();
      sandbox.emu.faults.add({
        operation: "ListAccounts",
        exception: "InvalidRequestException",
        message: `bad request${HOSTILE}`,
      });
      const run = await sandbox.run(["ls", "--profile", TOKEN_ONLY_PROFILE, ...extra]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        "sso-kit: error: IAM Identity Center refused ListAccounts (HTTP 400: InvalidRequestException: bad request\\x1b]0;owned\\x07\\x1b[2J sso-kit: signed in OK\\x9b31m)",
      );
      if (extra.length === 0) expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      expectNothingRaw(run);
    },
  );

  it("refuses a device prompt whose userCode or verificationUri carries control characters", async () => {
    sandbox = await Sandbox.create();
    for (const fields of [
      { userCode: `ABCD${HOSTILE}`, verificationUri: `${"https://x.example/"}` },
      { userCode: "ABCD-EFGH", verificationUri: `https://x.example/${HOSTILE}` },
    ]) {
      sandbox.emu.faults.clear();
      sandbox.emu.faults.add({
        operation: "StartDeviceAuthorization",
        response: { body: { deviceCode: "device-code-123456", expiresIn: 600, interval: 1, ...fields } },
      });
      const run = await sandbox.run(["login", "--profile", PROFILE, "--use-device-code", "--no-browser"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(
          `^sso-kit: error: the SSO-OIDC endpoint ${sandbox.emu.url} answered StartDeviceAuthorization \\(HTTP 200\\) with a (userCode|verificationUri) `,
        ),
      );
      expect(run.stderr).not.toContain("owned");
      expectNothingRaw(run);
    }
  });

  it("names the operation, status and endpoint when sign-in meets a redirect or a server error", async () => {
    sandbox = await Sandbox.create();
    sandbox.emu.faults.add({
      operation: "RegisterClient",
      times: 1,
      response: { status: 302, headers: { location: "https://login.example/" }, body: "" },
    });
    const args = ["login", "--profile", PROFILE, "--use-device-code", "--no-browser"];
    const redirected = await sandbox.run(args);
    expect(redirected.code).toBe(1);
    expect(redirected.stderr).toContain(
      `the SSO-OIDC endpoint ${sandbox.emu.url} answered RegisterClient with a redirect (HTTP 302): it is not the IAM Identity Center API`,
    );
    sandbox.emu.faults.add({ operation: "RegisterClient", status: 500 });
    const failed = await sandbox.run(args);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /^sso-kit: error: IAM Identity Center failed RegisterClient \(HTTP 500: .*\); the service failed or could not be reached: try the login again\n$/,
    );
  });

  it("prints the PKCE sign-in URL without the password written into AWS_ENDPOINT_URL_SSO_OIDC", async () => {
    sandbox = await Sandbox.create();
    const endpoint = sandbox.emu.url.replace("http://", "http://user:hunter2-password@");
    const args = ["login", "--profile", PROFILE, "--no-browser"];
    const child = sandbox.spawn(args, { AWS_ENDPOINT_URL_SSO_OIDC: endpoint });
    const done = finished(child, args, sandbox.runs);
    const [url] = await waitForStderr(child, /http:\/\/\S+\/authorize\?\S+/);
    child.kill("SIGINT");
    const run = await done;
    expect(url.startsWith(`${sandbox.emu.url}/authorize?`)).toBe(true);
    expect(run.stderr).not.toContain("hunter2-password");
  });

  it("ignores a forged PKCE callback with another state (400) and signs in with the real one", async () => {
    sandbox = await Sandbox.create({ autoApprove: true });
    const args = ["login", "--profile", PROFILE, "--no-browser"];
    const child = sandbox.spawn(args);
    const done = finished(child, args, sandbox.runs);
    const [url] = await waitForStderr(child, /http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/);
    const redirectUri = new URL(url).searchParams.get("redirect_uri")!;
    // Any local process can reach the loopback port.
    expect((await fetch(`${redirectUri}?code=forged&state=forged`)).status).toBe(400);
    expect((await fetch(`${redirectUri}?error=access_denied&state=forged`)).status).toBe(400);
    expect((await fetch(url, { redirect: "follow" })).status).toBe(200);
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Signed in to");
  });

  it("names the file and line of an [sso-session] the SDK's loader skipped", async () => {
    sandbox = await Sandbox.create();
    sandbox.writeConfig(
      [
        `[profile p]`,
        "sso_session = a#b",
        "",
        "[sso-session a#b]",
        `sso_start_url = ${sandbox.emu.startUrl}`,
        `sso_region = ${sandbox.emu.region}`,
        "",
      ].join("\n"),
    );
    const run = await sandbox.run(["ls", "--profile", "p"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `sso-kit: error: Sso session 'a#b' could not be found in shared credentials file. [sso-session a#b] in ${sandbox.configFile} line 4 has a name with characters the AWS SDK for JavaScript does not accept (only letters, digits and - _ @ + . % : /), so it skips that section; rename it (and the sso_session settings that name it).\n`,
    );
  });

  it("calls a ListAccounts reply without accountList an error, not an empty table", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    sandbox.emu.faults.add({ operation: "ListAccounts", response: { body: {} } });
    const run = await sandbox.run(["ls", "--profile", TOKEN_ONLY_PROFILE]);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 1, stdout: "" });
    expect(run.stderr).toBe(
      "sso-kit: error: IAM Identity Center's ListAccounts reply (HTTP 200) has no accountList: the service failed; try again\n",
    );
  });

  describe("a portal that pages without end", () => {
    let portal: Server;
    let requests = 0;
    /** Every ListAccounts page is empty and points at a new next page. */
    beforeEach(async () => {
      requests = 0;
      portal = createServer((request, response) => {
        request.resume();
        requests++;
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ accountList: [], nextToken: `page-${requests}` }));
      });
      await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
    });
    afterEach(async () => {
      portal.closeAllConnections();
      await new Promise((resolve) => portal.close(resolve));
    });

    it("stops `ls` at 1,000 pages with a service failure naming ListAccounts", async () => {
      sandbox = await Sandbox.create();
      await sandbox.seedSignIn();
      const args = ["ls", "--profile", TOKEN_ONLY_PROFILE];
      const child = sandbox.spawn(args, {
        AWS_ENDPOINT_URL_SSO: `http://127.0.0.1:${(portal.address() as AddressInfo).port}`,
      });
      // 1,000 local round trips: seconds, but a loaded machine may need more than the harness's default.
      const run = await finished(child, args, sandbox.runs, 100_000);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        "sso-kit: error: IAM Identity Center's ListAccounts was still sending pages after 1000 pages, the most sso-kit reads (HTTP 200): the service failed; try again\n",
      );
      expect(requests).toBe(1000);
    }, 120_000);
  });
});
