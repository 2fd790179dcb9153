/**
 * Cross-process behaviour of the BUILT token provider (build it first:
 * `npx -y pnpm@12.21.0 --filter @sso-kit/token-provider build`): real child processes share one temp HOME and
 * one emulator, which this process starts and passes to them through the environment.
 */
import { startEmulator, type Emulator } from "@sso-kit/emulator";
import { SsoTokenCache, type SsoTokenFile } from "@sso-kit/token-provider";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { useTempHome } from "../support/useTempHome";

const children = join(__dirname, "children");
const built = join(__dirname, "../../packages/token-provider/dist/esm/index.js");
const session = {
  name: "cross-process",
  startUrl: "https://d-0000000000.awsapps.com/start",
  region: "us-east-1",
};

jest.setTimeout(120_000);

interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `predicate`. */
  line(predicate: (line: string) => boolean): Promise<string>;
  exited: Promise<number | null>;
}

describe("token provider across processes", () => {
  let emu: Emulator;
  const running: Child[] = [];
  // Declared before the temp HOME: afterEach hooks run in the order declared, so children die before it is removed.
  afterEach(() => {
    for (const child of running.splice(0)) child.process.kill("SIGKILL");
  });
  const home = useTempHome({ prefix: "sso-kit-cross-process-" });

  beforeAll(async () => {
    if (!existsSync(built)) {
      throw new Error(
        `Build the package first: npx -y pnpm@12.21.0 --filter @sso-kit/token-provider build (${built})`,
      );
    }
    emu = await startEmulator({ rotateRefreshTokens: true });
  });
  afterAll(async () => {
    await emu?.stop();
  });
  beforeEach(() => {
    emu.reset();
  });

  const start = (script: string, env: Record<string, string> = {}): Child => {
    const child = spawn(process.execPath, [join(children, script)], {
      env: {
        PATH: process.env.PATH,
        HOME: home.dir,
        ...emu.env,
        SSO_KIT_TEST_SESSION: JSON.stringify(session),
        SSO_KIT_TEST_SESSION_NAME: session.name,
        ...env,
      },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines: string[] = [];
    const waiters: Array<{ predicate: (line: string) => boolean; resolve: (line: string) => void }> = [];
    createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.predicate(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const handle: Child = {
      process: child,
      exited,
      line: (predicate) =>
        new Promise<string>((resolve, reject) => {
          const found = lines.find(predicate);
          if (found !== undefined) return resolve(found);
          waiters.push({ predicate, resolve });
          void exited.then(() =>
            reject(new Error(`${script} exited before printing the expected line: ${lines.join(" | ")}`)),
          );
        }),
    };
    running.push(handle);
    return handle;
  };
  const result = async (child: Child) =>
    JSON.parse(await child.line((l) => l.startsWith("{"))) as Record<string, unknown>;
  const hash = (text: string) => createHash("sha256").update(text).digest("hex");

  /** An expired token in the cache whose (single-use) refresh token the emulator accepts. */
  const seedExpired = async () => {
    const seeded = emu.seedToken({ expiresAt: new Date(Date.now() - 60_000) });
    await new SsoTokenCache().writeToken(session.name, emu.cachedToken(seeded) as SsoTokenFile);
    return seeded;
  };

  it("16 processes starting together on an expired token all get the one refreshed token: 1 CreateToken", async () => {
    await seedExpired();
    const group = Array.from({ length: 16 }, () => start("refresh.mjs", { SSO_KIT_WAIT_FOR_GO: "1" }));
    await Promise.all(group.map((child) => child.line((l) => l === "ready")));
    for (const child of group) child.process.stdin!.write("go\n");
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
    await seedExpired();
    const holder = start("holdLock.mjs");
    await holder.line((l) => l === "locked");
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
    await seedExpired();
    const tokenPath = new SsoTokenCache().tokenPath(session.name);
    const stopFile = join(home.dir, "stop");
    const reader = start("readLoop.mjs", { SSO_KIT_TOKEN_PATH: tokenPath, SSO_KIT_STOP_FILE: stopFile });
    await reader.line((l) => l === "ready");
    const writer = start("writeLoop.mjs", { SSO_KIT_WRITES: "60" });
    // Refreshes in separate processes (each a first attempt), one after another, while the writer runs.
    for (let i = 0; i < 4; i++) {
      const outcome = await result(
        start("refresh.mjs", { SSO_KIT_REFRESH_WINDOW_MS: String(24 * 3600 * 1000) }),
      );
      expect(outcome.error).toBeUndefined();
    }
    await writer.line((l) => l === "done");
    writeFileSync(stopFile, "");
    const stats = await result(reader);
    expect(stats.failures).toBe(0);
    expect(stats.reads).toBeGreaterThan(0);
    expect(emu.stats().CreateToken).toBe(4);
  });

  it("loads the SSO-OIDC client only when a refresh is needed (CommonJS build)", async () => {
    const seeded = emu.seedToken({ expiresAt: new Date(Date.now() + 3_600_000) });
    await new SsoTokenCache().writeToken(session.name, emu.cachedToken(seeded) as SsoTokenFile);
    const outcome = await result(start("lazyLoad.cjs"));
    expect(outcome).toEqual({ afterFresh: false, afterRefresh: true });
  });
});
