import { TokenProviderError } from "@smithy/property-provider";
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import {
  fullDirectory,
  readOnlyDirectory,
  type UnwritableDirectory,
} from "../../../../test/support/unwritableDirectory.js";
import { withFileLock, type FileLockHold } from "./withFileLock.js";

describe("withFileLock", () => {
  const home = useTempHome({ prefix: "sso-kit-token-provider-" });
  const lockPath = () => join(home.dir, "cache", "x.json.lock");
  const writeLock = (owner: unknown, ageMs = 0) => {
    mkdirSync(join(home.dir, "cache"), { recursive: true });
    writeFileSync(lockPath(), typeof owner === "string" ? owner : JSON.stringify(owner));
    const when = new Date(Date.now() - ageMs);
    utimesSync(lockPath(), when, when);
  };
  const deadPid = (): number => {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    return Number(child.stdout.toString());
  };
  const owner = (pid: number, host = hostname()) => ({
    pid,
    hostname: host,
    nonce: "n",
    acquiredAt: new Date().toISOString(),
  });

  it("holds the lock (a file with our pid and host) while fn runs, creating the directory 0700, and removes it", async () => {
    const seen = await withFileLock(lockPath(), async () => JSON.parse(readFileSync(lockPath(), "utf8")));
    expect(seen).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(statSync(join(home.dir, "cache")).mode & 0o777).toBe(0o700);
    expect(existsSync(lockPath())).toBe(false);
  });

  it("puts the lock in place complete and 0600, leaving no temporary file beside it", async () => {
    const seen = await withFileLock(lockPath(), async () => ({
      files: readdirSync(join(home.dir, "cache")),
      mode: statSync(lockPath()).mode & 0o777,
      links: statSync(lockPath()).nlink,
    }));
    // One name, one link: the temporary file it was linked from is already gone while the lock is held.
    expect(seen).toEqual({ files: ["x.json.lock"], mode: 0o600, links: 1 });
  });

  it("releases the lock when fn throws", async () => {
    await expect(withFileLock(lockPath(), async () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    expect(existsSync(lockPath())).toBe(false);
  });

  it("takes over at once a lock whose holder on this host no longer runs", async () => {
    writeLock(owner(deadPid()));
    const { logger, lines } = recordingLogger();
    await expect(
      withFileLock(lockPath(), async () => "mine", { logger, acquireTimeoutMs: 10_000 }),
    ).resolves.toBe("mine");
    expect(lines.join("\n")).toMatch(/taking over the lock .* no longer runs/);
  });

  it("takes over a lock not touched for staleMs (holder on another host)", async () => {
    writeLock(owner(1, "some-other-host"), 5_000);
    await expect(withFileLock(lockPath(), async () => "mine", { staleMs: 1_000 })).resolves.toBe("mine");
  });

  it("takes over an old lock that holds no owner record (holder died while creating it)", async () => {
    writeLock("", 5_000);
    await expect(withFileLock(lockPath(), async () => "mine", { staleMs: 1_000 })).resolves.toBe("mine");
  });

  it("waits for a live holder and gives up after acquireTimeoutMs with a TokenProviderError", async () => {
    writeLock(owner(process.pid));
    const error = await withFileLock(lockPath(), async () => "never", { acquireTimeoutMs: 300 }).then(
      () => undefined,
      (e: unknown) => e as TokenProviderError,
    );
    expect(error).toBeInstanceOf(TokenProviderError);
    expect(error?.tryNextLink).toBe(false);
    expect(error?.message).toContain(`held by process ${process.pid}`);
    expect(existsSync(lockPath())).toBe(true);
  });

  it("gets the lock once a live holder releases it", async () => {
    const first = withFileLock(
      lockPath(),
      () => new Promise((resolve) => setTimeout(() => resolve("first"), 100)),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(withFileLock(lockPath(), async () => "second")).resolves.toBe("second");
    await expect(first).resolves.toBe("first");
  });

  it("keeps a long-running holder's lock fresh so that it is not taken over", async () => {
    const order: string[] = [];
    const slow = withFileLock(
      lockPath(),
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 700));
        order.push("slow");
      },
      { staleMs: 300 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await withFileLock(lockPath(), async () => void order.push("waiter"), { staleMs: 300 });
    await slow;
    expect(order).toEqual(["slow", "waiter"]);
  });

  it("does not remove a lock that someone else holds after a take-over", async () => {
    const { logger, lines } = recordingLogger();
    await withFileLock(
      lockPath(),
      async () => {
        // Simulate a take-over by another process while we hold it.
        writeFileSync(lockPath(), JSON.stringify({ ...owner(process.pid), nonce: "someone-else" }));
      },
      { logger },
    );
    expect(JSON.parse(readFileSync(lockPath(), "utf8"))).toMatchObject({ nonce: "someone-else" });
    expect(lines.join("\n")).toContain("was taken over while held");
  });

  it("clears a take-over guard left by a process that died taking over, then takes over", async () => {
    writeLock(owner(deadPid()));
    const guard = `${lockPath()}.takeover`;
    writeFileSync(guard, "");
    const old = new Date(Date.now() - 10_000);
    utimesSync(guard, old, old);
    await expect(withFileLock(lockPath(), async () => "mine", { acquireTimeoutMs: 10_000 })).resolves.toBe(
      "mine",
    );
    expect(readdirSync(join(home.dir, "cache"))).toEqual([]);
  });

  it("lets exactly one of many concurrent waiters take over a dead holder's lock at a time", async () => {
    writeLock(owner(deadPid()));
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(lockPath(), async () => {
          inside += 1;
          maxInside = Math.max(maxInside, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside -= 1;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(readdirSync(join(home.dir, "cache"))).toEqual([]);
  });

  describe("never trusts what is at the lock path", () => {
    const ACQUIRE_TIMEOUT_MS = 2_000;
    /** How the call ended, or `hung` when it had not settled by acquireTimeoutMs plus a second. */
    const settle = async <T>(promise: Promise<T>) => {
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<{ hung: true }>((resolve) => {
        timer = setTimeout(() => resolve({ hung: true }), ACQUIRE_TIMEOUT_MS + 1_000);
      });
      try {
        return await Promise.race([
          promise.then(
            (value) => ({ value }),
            (error: unknown) => ({ error: error as Error & { reason?: string } }),
          ),
          hung,
        ]);
      } finally {
        clearTimeout(timer);
      }
    };
    const lock = (fn: (hold: FileLockHold) => Promise<unknown> = async (hold) => hold) =>
      withFileLock(lockPath(), fn, { acquireTimeoutMs: ACQUIRE_TIMEOUT_MS });
    const cacheDir = () => join(home.dir, "cache");
    const prepare = () => mkdirSync(cacheDir(), { recursive: true });

    it("replaces a FIFO (whose read would block forever) at once", async () => {
      prepare();
      execFileSync("mkfifo", [lockPath()]);
      await expect(settle(lock())).resolves.toEqual({ value: { held: true } });
      expect(readdirSync(cacheDir())).toEqual([]);
    });

    it("replaces a symbolic link to /dev/zero without reading it", async () => {
      prepare();
      symlinkSync("/dev/zero", lockPath());
      const seen = await settle(lock(async () => lstatSync(lockPath()).isFile()));
      expect(seen).toEqual({ value: true });
      expect(readdirSync(cacheDir())).toEqual([]);
      expect(lstatSync("/dev/zero").isCharacterDevice()).toBe(true);
    });

    it("replaces a symbolic link to someone else's file, leaving that file alone", async () => {
      prepare();
      const target = join(home.dir, "precious");
      writeFileSync(target, "keep me");
      symlinkSync(target, lockPath());
      await expect(settle(lock())).resolves.toEqual({ value: { held: true } });
      expect(readFileSync(target, "utf8")).toBe("keep me");
      expect(existsSync(lockPath())).toBe(false);
    });

    it("replaces a regular file too large to be an owner record, without reading it whole", async () => {
      prepare();
      writeFileSync(lockPath(), "x".repeat(600_000));
      await expect(settle(lock())).resolves.toEqual({ value: { held: true } });
      expect(readdirSync(cacheDir())).toEqual([]);
    });

    it("names a directory at the lock path in a clear error, and leaves it", async () => {
      mkdirSync(lockPath(), { recursive: true });
      const settled = await settle(lock());
      expect(settled).toEqual({ error: expect.any(TokenProviderError) });
      const { error } = settled as { error: TokenProviderError & { reason?: string } };
      expect(error.message).toContain(`${lockPath()} is a directory`);
      expect(error.reason).toBe("Misconfigured");
      expect(statSync(lockPath()).isDirectory()).toBe(true);
      expect(readdirSync(cacheDir())).toEqual(["x.json.lock"]);
    });

    it("keeps the lock fresh through its open file, never touching what a symbolic link at the path points to", async () => {
      const target = join(home.dir, "target");
      writeFileSync(target, "");
      const old = new Date(Date.now() - 60_000);
      utimesSync(target, old, old);
      const { logger, lines } = recordingLogger();
      await withFileLock(
        lockPath(),
        async () => {
          renameSync(lockPath(), `${lockPath()}.moved`);
          symlinkSync(target, lockPath());
          // Several heartbeats (every staleMs / 3 = 20 ms).
          await new Promise((resolve) => setTimeout(resolve, 200));
        },
        { staleMs: 60, logger },
      );
      // Not touched: still a minute old (a touch would make it now).
      expect(statSync(target).mtimeMs).toBeLessThan(Date.now() - 30_000);
      // The moved lock file is the one the heartbeat kept fresh.
      expect(Date.now() - statSync(`${lockPath()}.moved`).mtimeMs).toBeLessThan(30_000);
      expect(lines.join("\n")).toContain("was taken over while held");
    });

    describe.each([
      ["read-only", readOnlyDirectory, /^(EROFS|EACCES)/],
      ["full", fullDirectory, /^ENOSPC/],
    ] as const)("in a %s directory", (_kind, make, reason) => {
      let directory: UnwritableDirectory | undefined;
      afterEach(() => {
        if (directory !== undefined && "release" in directory) directory.release();
        directory = undefined;
      });

      it("runs fn without the lock, says why, and leaves no file behind", async () => {
        directory = make(cacheDir());
        if ("skip" in directory) {
          console.warn(`skipped: ${directory.skip}`);
          return;
        }
        const before = readdirSync(cacheDir());
        const settled = await settle(lock());
        expect(settled).toEqual({ value: { held: false, reason: expect.stringMatching(reason) } });
        expect(readdirSync(cacheDir())).toEqual(before);
      });
    });
  });
  it("tells onWait who holds the lock, once per holder, while it waits", async () => {
    writeLock(owner(process.pid));
    const holders: unknown[] = [];
    const waiting = withFileLock(lockPath(), async () => "ran", {
      acquireTimeoutMs: 60_000,
      onWait: (holder) => {
        holders.push(holder);
        // Another live holder takes the first one's place, which is announced again; then the lock is left
        // abandoned (empty and old), and taken over.
        if (holders.length === 1) writeLock({ ...owner(process.pid), nonce: "m" });
        else writeLock("", 60_000);
      },
    });
    await expect(waiting).resolves.toBe("ran");
    expect(holders).toEqual([
      { pid: process.pid, hostname: hostname() },
      { pid: process.pid, hostname: hostname() },
    ]);
  });

  it("stops waiting when its signal fires, without running fn", async () => {
    writeLock(owner(process.pid));
    const controller = new AbortController();
    const fn = jest.fn(async () => "ran");
    const waiting = withFileLock(lockPath(), fn, {
      acquireTimeoutMs: 60_000,
      signal: controller.signal,
      onWait: () => controller.abort(new Error("cancelled by the test")),
    });
    await expect(waiting).rejects.toThrow("cancelled by the test");
    expect(fn).not.toHaveBeenCalled();
    expect(JSON.parse(readFileSync(lockPath(), "utf8"))).toMatchObject({ nonce: "n" });
  });
});
