import { answerDevicePage } from "../support/login/approveInEmulator";
import { finished, PROFILE, Sandbox, SESSION, waitForStderr, type CliRun } from "./harness";

/** A session that has ended: the cached token expired and there is no refresh token to renew it. */
const ENDED = { expiresAt: new Date(Date.now() - 60_000), refreshToken: false } as const;
const PARALLEL = 20;

describe("sso-kit sign-in on demand (--login)", () => {
  let sandbox: Sandbox;

  afterEach(async () => {
    await sandbox.dispose();
  });

  it(`signs ${PARALLEL} parallel credential-process --login runs in once, and all of them print credentials`, async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn(ENDED);
    const children = Array.from({ length: PARALLEL }, () =>
      sandbox.spawn(["credential-process", "--profile", PROFILE, "--login"]),
    );
    const waitLine = new RegExp(`another sign-in for session ${SESSION} is in progress \\(pid (\\d+)\\)`);
    // Each child either runs the sign-in (shows the device code page) or waits for the one that does.
    const roles = children.map((child) =>
      Promise.race([
        waitForStderr(child, /\(or open (\S+) directly\)/).then((match) => ({ url: match[1]! })),
        waitForStderr(child, waitLine).then((match) => ({ waitingFor: Number(match[1]) })),
      ]),
    );
    const runs = children.map((child) =>
      finished(child, ["credential-process", "--login"], sandbox.runs, 90_000),
    );
    const seen = await Promise.all(roles);
    const signers = seen.flatMap((role, index) =>
      "url" in role ? [{ ...role, pid: children[index]!.pid }] : [],
    );
    expect(signers).toHaveLength(1);
    // Every other run is waiting for that one before anyone approves: one approval must serve them all.
    expect(seen.filter((role) => "waitingFor" in role && role.waitingFor === signers[0]!.pid)).toHaveLength(
      PARALLEL - 1,
    );
    await answerDevicePage(signers[0]!.url, "allow");
    const done: CliRun[] = await Promise.all(runs);
    const keys = done.map((run) => {
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
      const parsed = JSON.parse(run.stdout) as { Version: number; AccessKeyId: string };
      expect(parsed.Version).toBe(1);
      return parsed.AccessKeyId;
    });
    expect(new Set(keys).size).toBe(1);
    const stats = sandbox.emu.stats();
    expect({ start: stats.StartDeviceAuthorization, register: stats.RegisterClient }).toEqual({
      start: 1,
      register: 1,
    });
    expect(stats.GetRoleCredentials).toBe(1);
  }, 120_000);

  it("without --login, exits 3 at once on an ended session and asks for no sign-in", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn(ENDED);
    const runs = await Promise.all([
      sandbox.run(["credential-process", "--profile", PROFILE]),
      sandbox.run(["export", "--profile", PROFILE], { SSO_KIT_AUTO_LOGIN: "false" }),
    ]);
    for (const { code, stdout, stderr } of runs) {
      expect({ code, stdout }).toEqual({ code: 3, stdout: "" });
      expect(stderr).toContain("sso-kit login --profile dev");
      expect(stderr).not.toMatch(/open this page|another sign-in/);
    }
    const stats = sandbox.emu.stats();
    expect([stats.RegisterClient, stats.StartDeviceAuthorization, stats.Authorize]).toEqual([0, 0, 0]);
  });

  it("SSO_KIT_AUTO_LOGIN=true turns it on for export, whose stdout keeps only the export lines", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn(ENDED);
    const child = sandbox.spawn(["export", "--profile", PROFILE], { SSO_KIT_AUTO_LOGIN: "true" });
    const run = finished(child, ["export"], sandbox.runs, 60_000);
    const [, url] = await waitForStderr(child, /\(or open (\S+) directly\)/);
    await answerDevicePage(url!, "allow");
    const { code, stdout, stderr } = await run;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^export AWS_ACCESS_KEY_ID=/);
    expect(stdout).not.toContain(url);
    expect(stderr).toContain("To sign in, open this page");
    expect(sandbox.emu.stats().StartDeviceAuthorization).toBe(1);
  }, 60_000);
});
