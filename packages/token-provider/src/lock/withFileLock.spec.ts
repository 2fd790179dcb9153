import { TokenProviderError } from "@smithy/property-provider";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { withFileLock } from "./withFileLock.js";

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
});
