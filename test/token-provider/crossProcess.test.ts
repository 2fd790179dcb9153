/**
 * Cross-process behaviour of the BUILT token provider (build it first:
 * `npx -y pnpm@12.21.0 --filter @sso-kit/token-provider build`): real child processes share one temp HOME and
 * one emulator, which this process starts and passes to them through the environment.
 */
import { startEmulator, type Emulator } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { requireBuilt } from "../support/requireBuilt";
import { signIn } from "../support/signIn";
import { killAllChildren, startChild, type LineChild } from "../support/startChild";
import { useTempHome } from "../support/useTempHome";

const children = join(__dirname, "children");
const session = {
  name: "cross-process",
  startUrl: "https://d-0000000000.awsapps.com/start",
  region: "us-east-1",
};

jest.setTimeout(120_000);

describe("token provider across processes", () => {
  let emu: Emulator;
  // Declared before the temp HOME: afterEach hooks run in the order declared, so children die before it is removed.
  afterEach(killAllChildren);
  const home = useTempHome({ prefix: "sso-kit-cross-process-" });

  beforeAll(async () => {
    requireBuilt("token-provider");
    emu = await startEmulator({ rotateRefreshTokens: true });
  });
  afterAll(async () => {
    await emu?.stop();
  });
  beforeEach(() => {
    emu.reset();
  });

  /** Starts `children/<script>` on the test's HOME, emulator and session. */
  const start = (script: string, env: Record<string, string> = {}): LineChild =>
    startChild(join(children, script), {
      HOME: home.dir,
      ...emu.env,
      SSO_KIT_TEST_SESSION: JSON.stringify(session),
      SSO_KIT_TEST_SESSION_NAME: session.name,
      ...env,
    });
  const result = (child: LineChild) => child.nextJson();
  const hash = (text: string) => createHash("sha256").update(text).digest("hex");

  /** A token in the cache expiring `expiresInMs` from now, whose (single-use) refresh token the emulator accepts. */
  const seedSession = (expiresInMs: number) =>
    signIn(emu, new SsoTokenCache(), session.name, { expiresAt: new Date(Date.now() + expiresInMs) });

  it("16 processes starting together on an expired token all get the one refreshed token: 1 CreateToken", async () => {
    await seedSession(-60_000);
    const group = Array.from({ length: 16 }, () => start("refresh.mjs", { SSO_KIT_WAIT_FOR_GO: "1" }));
    await Promise.all(group.map((child) => child.next((l) => l === "ready")));
    for (const child of group) child.send("go");
    const results = await Promise.all(group.map(result));
    for (const outcome of results) expect(outcome.error).toBeUndefined();
    const file = (await new SsoTokenCache().readToken(session.name))!;
    expect(new Set(results.map((r) => r.tokenHash))).toEqual(new Set([hash(file.accessToken)]));
    expect(Date.parse(String(results[0]!.expiration))).toBeGreaterThan(Date.now() + 5 * 60_000);
    expect(emu.stats().CreateToken).toBe(1);
    expect(
      emu
        .requestLog()
        .filter((e) => e.operation === "CreateToken")
        .map((e) => e.status),
    ).toEqual([200]);
  });

  it("a process SIGKILLed while holding the lock does not stop the others: its lock is taken over", async () => {
    await seedSession(-60_000);
    const holder = start("holdLock.mjs");
    await holder.next((l) => l === "locked");
    const lockPath = `${new SsoTokenCache().tokenPath(session.name)}.lock`;
    expect(existsSync(lockPath)).toBe(true);
    holder.process.kill("SIGKILL");
    await holder.exited;
    expect(existsSync(lockPath)).toBe(true); // left behind by the dead holder

    const group = Array.from({ length: 4 }, () => start("refresh.mjs"));
    const results = await Promise.all(group.map(result));
    for (const outcome of results) expect(outcome.error).toBeUndefined();
    expect(new Set(results.map((r) => r.tokenHash)).size).toBe(1);
    expect(emu.stats().CreateToken).toBe(1);
    expect(existsSync(lockPath)).toBe(false);
  });

  it("a reader never sees a partial, empty or missing file while the file is rewritten and refreshed", async () => {
    await seedSession(-60_000);
    const tokenPath = new SsoTokenCache().tokenPath(session.name);
    const stopFile = join(home.dir, "stop");
    const reader = start("readLoop.mjs", { SSO_KIT_TOKEN_PATH: tokenPath, SSO_KIT_STOP_FILE: stopFile });
    await reader.next((l) => l === "ready");
    const writer = start("writeLoop.mjs", { SSO_KIT_WRITES: "60" });
    // Refreshes in separate processes (each a first attempt), one after another, while the writer runs.
    for (let i = 0; i < 4; i++) {
      const outcome = await result(
        start("refresh.mjs", { SSO_KIT_REFRESH_WINDOW_MS: String(24 * 3600 * 1000) }),
      );
      expect(outcome.error).toBeUndefined();
    }
    await writer.next((l) => l === "done");
    writeFileSync(stopFile, "");
    const stats = await result(reader);
    expect(stats.failures).toBe(0);
    expect(stats.reads).toBeGreaterThan(0);
    expect(emu.stats().CreateToken).toBe(4);
  });

  it("loads the SSO-OIDC client only when a refresh is needed (CommonJS build)", async () => {
    await seedSession(3_600_000);
    const outcome = await result(start("lazyLoad.cjs"));
    expect(outcome).toEqual({ afterFresh: false, afterRefresh: true });
  });
});
