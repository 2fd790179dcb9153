/**
 * Crash safety: a process refreshing the session's token is SIGKILLed at a random moment of the refresh, 200
 * times (4 lanes in parallel, each on its own session). After every kill the cache file must parse (plain
 * JSON.parse and the strict reader), hold a token the service accepts, and the lock the dead process may have
 * held must be taken over within the bounded wait. CreateToken answers after 100 ms, which widens the window
 * between taking the lock and saving the new token; half the kill delays are drawn over the whole refresh,
 * half over its last quarter (where the new token is written).
 * Runs the BUILT token provider in real child processes (`pnpm build` first).
 */
import { GetRoleCredentialsCommand, SSOClient } from "@aws-sdk/client-sso";
import { readdirSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { killAllChildren, startChild, type LineChild } from "../support/startChild";
import { recordFigure } from "./support/figures";
import { scaled } from "./support/scale";
import { requireBuilt } from "../support/requireBuilt";
import { useSandbox } from "./support/sandbox";

const KILLS = scaled(200, 20);
const LANES = 4;
const CREATE_TOKEN_DELAY_MS = 100;
/** Seeded tokens expire in 2 minutes: valid, but inside the 5-minute refresh window, so every child refreshes. */
const SEEDED_LIFETIME_MS = 120_000;
const REFRESH_CHILD = join(__dirname, "../token-provider/children/refresh.mjs");

// Unthrottled: this is about the cache file under SIGKILL, and a 429 on the check after each kill (4 lanes at once)
// would be counted as an unusable token. Under the default limit the suite timed out twice on a loaded machine.
const sandbox = useSandbox({ rotateRefreshTokens: true, portalRateLimit: false });
afterAll(killAllChildren);

interface Tally {
  kills: number;
  completed: number;
  killedBeforeSave: number;
  killedAfterSave: number;
  corrupt: string[];
  unusable: string[];
  lockWaitsMs: number[];
  lockFailures: string[];
}

test(`${KILLS} SIGKILLs at random points of a refresh: the cache file always parses and holds a usable token`, async () => {
  requireBuilt("token-provider");
  const { emu, cache } = sandbox;
  emu.faults.add({ operation: "CreateToken", delayMs: CREATE_TOKEN_DELAY_MS });
  const sso = new SSOClient({ region: emu.region, endpoint: emu.url });
  const account = emu.accounts[0]!;

  const spawnRefresher = async (lane: string): Promise<LineChild> => {
    const child = startChild(REFRESH_CHILD, {
      ...sandbox.childEnv,
      SSO_KIT_TEST_SESSION: JSON.stringify(sandbox.session(lane)),
      SSO_KIT_WAIT_FOR_GO: "1",
    });
    await child.next((line) => line === "ready");
    return child;
  };

  // Kill delays are drawn from [0, killWindowMs). The window adapts to how long a refresh takes on this
  // (loaded) machine: it shrinks a little when a process finished before its kill and grows a little when it did
  // not, which settles where about a quarter of the processes finish: the kills cover the whole refresh.
  // Its steps are sized so that a lane's kills can carry it past the refresh's end whatever their count (a
  // scaled-down run takes bigger steps).
  let killWindowMs = CREATE_TOKEN_DELAY_MS * 3;
  const grow = 1.02 ** Math.max(1, 50 / (KILLS / LANES));
  const shrink = grow ** -2.6;

  const tally: Tally = {
    kills: 0,
    completed: 0,
    killedBeforeSave: 0,
    killedAfterSave: 0,
    corrupt: [],
    unusable: [],
    lockWaitsMs: [],
    lockFailures: [],
  };

  const verify = async (lane: string, seededAccessToken: string): Promise<"before" | "after"> => {
    const path = cache.tokenPath(lane);
    let accessToken: string;
    try {
      const raw = JSON.parse(readFileSync(path, "utf8")) as { accessToken?: unknown; expiresAt?: unknown };
      const token = await cache.readToken(lane);
      if (token === undefined || typeof raw.accessToken !== "string") throw new Error("no token in the file");
      if (Date.parse(token.expiresAt) <= Date.now())
        throw new Error(`the token expired at ${token.expiresAt}`);
      accessToken = token.accessToken;
    } catch (error) {
      tally.corrupt.push(`${lane}: ${(error as Error).message}`);
      return "before";
    }
    try {
      await sso.send(
        new GetRoleCredentialsCommand({
          accessToken,
          accountId: account.accountId,
          roleName: account.roles[0]!,
        }),
      );
    } catch (error) {
      tally.unusable.push(`${lane}: ${(error as Error).name}`);
    }
    const start = performance.now();
    try {
      await cache.withLock(lane, async () => undefined);
    } catch (error) {
      tally.lockFailures.push(`${lane}: ${(error as Error).message}`);
    }
    tally.lockWaitsMs.push(performance.now() - start);
    return accessToken === seededAccessToken ? "before" : "after";
  };

  /** The next lane's child, started while the current one works; a failure surfaces when it is awaited. */
  const prespawn = (lane: string): Promise<LineChild> => {
    const child = spawnRefresher(lane);
    child.catch(() => undefined);
    return child;
  };

  const runLane = async (lane: string): Promise<void> => {
    let next = prespawn(lane);
    let kills = 0;
    for (let attempt = 0; kills < KILLS / LANES && attempt < KILLS * 3; attempt++) {
      const child = await next;
      const seeded = await sandbox.seedSession(lane, SEEDED_LIFETIME_MS);
      child.send("go");
      next = prespawn(lane);
      // Half the kills anywhere in the refresh, half in its last quarter, where the new token is written.
      await sleep(killWindowMs * (Math.random() < 0.5 ? Math.random() : 0.75 + Math.random() / 4));
      child.process.kill("SIGKILL");
      const { signal } = await child.exited;
      const saved = await verify(lane, seeded.accessToken);
      if (signal === "SIGKILL") {
        kills += 1;
        tally.kills += 1;
        if (saved === "after") tally.killedAfterSave += 1;
        else tally.killedBeforeSave += 1;
        killWindowMs *= grow;
      } else {
        tally.completed += 1;
        killWindowMs *= shrink;
      }
    }
    // The lane's session still works after its crashes: an undisturbed refresh succeeds.
    const last = await next;
    await sandbox.seedSession(lane, SEEDED_LIFETIME_MS);
    last.send("go");
    const outcome = await last.nextJson();
    if (outcome.error !== undefined)
      tally.unusable.push(`${lane} after the crashes: ${String(outcome.error)}`);
  };

  await Promise.all(Array.from({ length: LANES }, (_, i) => runLane(`crash-${i}`)));

  const leftovers = readdirSync(cache.directory).filter((name) => name.endsWith(".tmp"));
  // A temporary file a kill left behind is removed by the next write of its file once it is a minute old.
  const aMinuteAgo = new Date(Date.now() - 61_000);
  for (const name of leftovers) utimesSync(join(cache.directory, name), aMinuteAgo, aMinuteAgo);
  for (let i = 0; i < LANES; i++) await sandbox.seedSession(`crash-${i}`, SEEDED_LIFETIME_MS);
  const notRemoved = readdirSync(cache.directory).filter((name) => name.endsWith(".tmp"));
  const survived = tally.kills - tally.corrupt.length - tally.unusable.length;
  const maxLockWaitMs = Math.round(Math.max(...tally.lockWaitsMs));
  const slowLocks = tally.lockWaitsMs.filter((ms) => ms > 1000).length;
  recordFigure({
    id: "crash",
    summary:
      `${survived}/${tally.kills} crashes survived (${tally.killedBeforeSave} killed before the new token was saved, ` +
      `${tally.killedAfterSave} after), ${tally.corrupt.length} corrupt files, ${tally.unusable.length} unusable tokens, ` +
      `${tally.lockFailures.length} lock timeouts (longest wait for a dead holder's lock ${maxLockWaitMs} ms, ` +
      `${slowLocks} waits over 1 s), ${tally.completed} processes finished before their kill, ` +
      `${leftovers.length} temp files left behind by kills in the middle of a write, ` +
      `${leftovers.length - notRemoved.length} of them removed by the next write once a minute old`,
    data: {
      ...tally,
      lockWaitsMs: undefined,
      finalKillWindowMs: Math.round(killWindowMs),
      maxLockWaitMs,
      slowLocks,
      leftoverTempFiles: leftovers.length,
      leftoverTempFilesNotRemoved: notRemoved.length,
    },
  });

  expect(tally.kills).toBeGreaterThanOrEqual(KILLS);
  expect(tally.corrupt).toEqual([]);
  expect(tally.unusable).toEqual([]);
  expect(tally.lockFailures).toEqual([]);
  expect(notRemoved).toEqual([]);
  // The kills spanned the refresh: some came too late (the process had finished), most during it.
  expect(tally.killedBeforeSave).toBeGreaterThan(0);
  expect(tally.completed).toBeGreaterThan(0);
});
