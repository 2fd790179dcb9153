import { readdirSync } from "node:fs";
import { answerDevice } from "../support/emulator/flows";
import {
  finished,
  PROFILE,
  Sandbox,
  SESSION,
  TOKEN_ONLY_PROFILE,
  waitForStderr,
  LEGACY_PROFILE,
} from "./harness";

describe("sso-kit login", () => {
  let sandbox: Sandbox;

  afterEach(async () => {
    await sandbox.dispose();
  });

  it("signs in with the device code flow: prints the page and code, waits, says what it signed in to", async () => {
    sandbox = await Sandbox.create({ autoApprove: false });
    const args = ["login", "--profile", PROFILE, "--use-device-code", "--no-browser"];
    const child = sandbox.spawn(args);
    const done = finished(child, args, sandbox.runs);
    const [, page] = await waitForStderr(
      child,
      /\(or open (http:\/\/127\.0\.0\.1:\d+\/device\?user_code=\S+) directly\)/,
    );
    // The user approves on the verification page.
    const approved = await answerDevice(sandbox.emu, page!, "allow");
    expect(approved.status).toBe(200);
    const { code, stdout, stderr } = await done;
    expect(code).toBe(0);
    expect(stderr).toContain("To sign in, open this page in a browser on any device:");
    expect(stderr).toContain(`  ${sandbox.emu.url}/device\n`);
    expect(stderr).toMatch(/check that it shows this code: [A-Z]{4}-[A-Z]{4}\n/);
    expect(stderr).toContain("Waiting for you to approve the sign-in...");
    expect(stdout).toContain(
      `Signed in to ${sandbox.emu.startUrl} in ${sandbox.emu.region} with SSO session '${SESSION}' (profile '${PROFILE}').`,
    );
    expect(stdout).toMatch(/The session is valid until \d{4}-\d\d-\d\dT[\d:.]+Z \((59 min( \d+ s)?|1 h)\)\./);
    // The cache holds the registration and the token, and the token works.
    expect(
      readdirSync(`${sandbox.home}/.aws/sso/cache`).filter((name) => name.endsWith(".json")),
    ).toHaveLength(2);
    const ls = await sandbox.run(["ls", "--profile", TOKEN_ONLY_PROFILE, "--json"]);
    expect(ls.code).toBe(0);
  });

  it("signs in at once when the device code is approved before the first poll", async () => {
    sandbox = await Sandbox.create({ autoApprove: true });
    const { code, stdout } = await sandbox.run([
      "login",
      "--profile",
      PROFILE,
      "--use-device-code",
      "--no-browser",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Signed in to ${sandbox.emu.startUrl}`);
    expect(sandbox.emu.stats().StartDeviceAuthorization).toBe(1);
  });

  it("signs in with authorization code + PKCE: the URL it prints leads back to its loopback server", async () => {
    sandbox = await Sandbox.create({ autoApprove: true });
    const args = ["login", "--sso-session", SESSION, "--no-browser"];
    const child = sandbox.spawn(args);
    const done = finished(child, args, sandbox.runs);
    const [url] = await waitForStderr(child, /http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/);
    // The auto-approving emulator redirects the "browser" to http://127.0.0.1:PORT/oauth/callback?code=...
    const page = await fetch(url, { redirect: "follow" });
    expect(page.status).toBe(200);
    const { code, stdout, stderr } = await done;
    expect(code).toBe(0);
    expect(stderr).toContain("To sign in, open this URL in a browser on this computer:");
    expect(stdout).toContain(
      `Signed in to ${sandbox.emu.startUrl} in ${sandbox.emu.region} with SSO session '${SESSION}'.`,
    );
    expect(sandbox.emu.stats().Authorize).toBe(1);
    expect(sandbox.emu.stats().StartDeviceAuthorization).toBe(0);
    const credentials = await sandbox.run(["credential-process", "--profile", PROFILE]);
    expect(credentials.code).toBe(0);
  });

  it("signs in a legacy profile with the device code flow", async () => {
    sandbox = await Sandbox.create({ autoApprove: true });
    const { code, stdout } = await sandbox.run(["login", "--profile", LEGACY_PROFILE, "--no-browser"]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `Signed in to ${sandbox.emu.startUrl} in ${sandbox.emu.region} with a legacy SSO profile`,
    );
  });

  it("fails with exit 1 and one line for a profile that is not an SSO profile", async () => {
    sandbox = await Sandbox.create({ autoApprove: true });
    const { code, stdout, stderr } = await sandbox.run(["login", "--profile", "nope", "--no-browser"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^sso-kit: error: .+\n$/);
  });

  it("stops waiting and exits 130 when interrupted", async () => {
    sandbox = await Sandbox.create({ autoApprove: false });
    const args = ["login", "--profile", PROFILE, "--use-device-code", "--no-browser"];
    const child = sandbox.spawn(args);
    const done = finished(child, args, sandbox.runs);
    await waitForStderr(child, /Waiting for you to approve/);
    child.kill("SIGINT");
    const { code } = await done;
    expect(code).toBe(130);
  });
});
