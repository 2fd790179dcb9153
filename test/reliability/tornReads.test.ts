/**
 * Torn reads: for 10 s, refreshes (each in a new process, as CLI runs and test workers do) and large rewrites
 * (the cache store's writeToken, alternating between two sizes so that a non-atomic write would show as a
 * partial file) replace the token file over and over, while two readers parse it in a loop: one with plain
 * fs + JSON.parse (what the AWS CLI and other SDKs do), one with the cache store's strict reader.
 * Neither may ever see a partial, empty, missing or invalid file. Runs the BUILT token provider.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { killAllChildren, startChild } from "../support/startChild";
import { recordFigure } from "./support/figures";
import { scaled } from "./support/scale";
import { requireBuilt } from "../support/requireBuilt";
import { useSandbox } from "./support/sandbox";

const DURATION_MS = scaled(10_000, 2_500);
const SESSION = "torn";
const children = join(__dirname, "../token-provider/children");

const sandbox = useSandbox({ rotateRefreshTokens: true });
afterAll(killAllChildren);

test(`a reader parsing the file in a loop while refreshes rewrite it for ${DURATION_MS / 1000} s: 0 failures`, async () => {
  requireBuilt("token-provider");
  const { emu, cache, home } = sandbox;
  await sandbox.seedSession(SESSION, -60_000);
  const env = {
    ...sandbox.childEnv,
    SSO_KIT_TEST_SESSION: JSON.stringify(sandbox.session(SESSION)),
    SSO_KIT_TEST_SESSION_NAME: SESSION,
  };
  const stopFile = join(home, "stop-reading");
  const plainReader = startChild(join(children, "readLoop.mjs"), {
    ...env,
    SSO_KIT_TOKEN_PATH: cache.tokenPath(SESSION),
    SSO_KIT_STOP_FILE: stopFile,
  });
  await plainReader.next((line) => line === "ready");

  const deadline = Date.now() + DURATION_MS;
  const strict = { reads: 0, failures: 0, firstFailure: undefined as string | undefined };
  const strictReader = (async () => {
    while (Date.now() < deadline) {
      try {
        const token = await cache.readToken(SESSION);
        if (token === undefined) throw new Error("missing");
      } catch (error) {
        strict.failures += 1;
        strict.firstFailure ??= (error as Error).message;
      }
      strict.reads += 1;
    }
  })();

  const refreshErrors: string[] = [];
  let refreshes = 0;
  let rewriteRuns = 0;
  const refreshLane = async () => {
    while (Date.now() < deadline) {
      // Every token is "about to expire" for this child: each process refreshes once (its first attempt).
      const child = startChild(join(children, "refresh.mjs"), {
        ...env,
        SSO_KIT_REFRESH_WINDOW_MS: String(24 * 3600 * 1000),
      });
      const outcome = await child.nextJson();
      if (outcome.error !== undefined) refreshErrors.push(String(outcome.error));
      else refreshes += 1;
    }
  };
  const rewriteLane = async () => {
    while (Date.now() < deadline) {
      const child = startChild(join(children, "writeLoop.mjs"), { ...env, SSO_KIT_WRITES: "10" });
      await child.next((line) => line === "done");
      rewriteRuns += 1;
    }
  };
  await Promise.all([refreshLane(), refreshLane(), rewriteLane(), strictReader]);
  writeFileSync(stopFile, "");
  const plain = await plainReader.nextJson<{ reads: number; failures: number; firstFailure?: string }>();

  const createTokens = emu.stats().CreateToken;
  recordFigure({
    id: "torn-reads",
    summary:
      `${plain.reads + strict.reads} reads in ${DURATION_MS / 1000} s (${plain.reads} plain JSON.parse, ${strict.reads} strict) ` +
      `while ${refreshes} refreshes and ${rewriteRuns * 10} large rewrites replaced the file: ` +
      `${plain.failures + strict.failures} failures, ${refreshErrors.length} refresh errors`,
    data: { plain, strict, refreshes, rewrites: rewriteRuns * 10, refreshErrors, createTokens },
  });

  expect(plain.failures).toBe(0);
  expect(strict.failures).toBe(0);
  expect(refreshErrors).toEqual([]);
  expect(plain.reads).toBeGreaterThan(0);
  expect(strict.reads).toBeGreaterThan(0);
  expect(refreshes).toBeGreaterThan(0);
  expect(createTokens).toBe(refreshes);
});
