/**
 * Rotation race: 16 processes ask for the token of an expired session at the same moment, 20 rounds in a row,
 * with single-use (rotating) refresh tokens. Every process must get the one refreshed token, the emulator must
 * see exactly one CreateToken per round, and the session must survive: each round starts from the refresh token
 * the previous round left on disk, so a lost session shows up as the next round's failure.
 * Runs the BUILT token provider in real child processes (`pnpm build` first).
 */
import { fromSsoSession } from "@sso-kit/token-provider";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { killAllChildren, startChild, type LineChild } from "../support/startChild";
import { recordFigure } from "./support/figures";
import { scaled } from "./support/scale";
import { requireBuilt } from "../support/requireBuilt";
import { useSandbox } from "./support/sandbox";

const PROCESSES = 16;
const ROUNDS = scaled(20, 3);

interface Outcome {
  round: number;
  tokenHash?: string;
  expiration?: string;
  error?: string;
}

const sandbox = useSandbox({ rotateRefreshTokens: true });
const hash = (text: string) => createHash("sha256").update(text).digest("hex");

afterAll(killAllChildren);

test(`${PROCESSES} processes x ${ROUNDS} rounds on an expired token: 0 failures, 1 CreateToken a round, 0 lost sessions`, async () => {
  requireBuilt("token-provider");
  const { emu, cache } = sandbox;
  // A little latency on CreateToken keeps the 16 processes inside the race window.
  emu.faults.add({ operation: "CreateToken", delayMs: 20 });

  const workers: LineChild[] = Array.from({ length: PROCESSES }, () =>
    startChild(join(__dirname, "children/raceWorker.mjs"), sandbox.childEnv),
  );
  await Promise.all(workers.map((worker) => worker.next((line) => line === "ready")));

  let failures = 0;
  let lostSessions = 0;
  const createTokensPerRound: number[] = [];
  const problems: string[] = [];
  let previous = await sandbox.seedSession("race-0", -60_000);
  for (let round = 0; round < ROUNDS; round++) {
    const name = `race-${round}`;
    if (round > 0) {
      // The session as the previous round left it (rotated refresh token), expired again.
      const left = await cache.readToken(`race-${round - 1}`);
      previous = { ...left!, expiresAt: new Date(Date.now() - 60_000).toISOString() };
      await cache.writeToken(name, previous);
    }
    const before = emu.stats().CreateToken;
    const message = JSON.stringify({ round, session: sandbox.session(name) });
    for (const worker of workers) worker.send(message);
    const outcomes = await Promise.all(workers.map((worker) => worker.nextJson<Outcome>()));
    createTokensPerRound.push(emu.stats().CreateToken - before);

    const onDisk = await cache.readToken(name);
    const errors = outcomes.filter((outcome) => outcome.error !== undefined);
    failures += errors.length;
    if (errors.length > 0) problems.push(`round ${round}: ${errors[0]!.error}`);
    if (errors.some((outcome) => /InvalidGrant|expired/i.test(outcome.error!))) lostSessions += 1;
    const hashes = new Set(outcomes.filter((o) => o.tokenHash !== undefined).map((o) => o.tokenHash));
    if (onDisk === undefined || (hashes.size > 0 && !hashes.has(hash(onDisk.accessToken)))) {
      problems.push(`round ${round}: the processes' token is not the one on disk`);
    }
    if (hashes.size > 1) problems.push(`round ${round}: ${hashes.size} different tokens handed out`);
    if (onDisk !== undefined && onDisk.refreshToken === previous.refreshToken) {
      problems.push(`round ${round}: the rotated refresh token was not saved`);
    }
  }

  // The session survives: the refresh token left by the last round still refreshes.
  const last = await cache.readToken(`race-${ROUNDS - 1}`);
  await cache.writeToken("race-after", { ...last!, expiresAt: new Date(Date.now() - 60_000).toISOString() });
  const before = emu.stats().CreateToken;
  const after = await fromSsoSession({ session: sandbox.session("race-after") })().then(
    (token) => ({ ok: token.expiration!.getTime() > Date.now() + 30 * 60_000 }),
    (error: Error) => ({ ok: false, error: error.message }),
  );
  const survives = after.ok && emu.stats().CreateToken - before === 1;

  const successes = PROCESSES * ROUNDS - failures;
  const totalCreateTokens = createTokensPerRound.reduce((a, b) => a + b, 0);
  recordFigure({
    id: "rotation-race",
    summary:
      `${PROCESSES} processes x ${ROUNDS} rounds: ${successes}/${PROCESSES * ROUNDS} successes, ${failures} failures, ` +
      `${totalCreateTokens} CreateToken (max ${Math.max(...createTokensPerRound)} a round), ${lostSessions} lost sessions, ` +
      `session ${survives ? "still refreshes" : "LOST"} afterwards`,
    data: {
      processes: PROCESSES,
      rounds: ROUNDS,
      successes,
      failures,
      createTokensPerRound,
      lostSessions,
      survives,
    },
  });

  expect(problems).toEqual([]);
  expect(failures).toBe(0);
  expect(lostSessions).toBe(0);
  expect(createTokensPerRound).toEqual(Array.from({ length: ROUNDS }, () => 1));
  expect(after).toEqual({ ok: true });
  expect(survives).toBe(true);
});
