/**
 * The shared role-credential cache (`roleCredentialCache: "shared"`, the AWS CLI's `~/.aws/cli/cache`) under load
 * and under crashes, with the BUILT credential provider in real child processes (`pnpm build` first):
 * - 16 processes ask for a role's credentials at the same moment, round after round: 0 failures, exactly one
 *   GetRoleCredentials a round, one set of credentials handed out;
 * - a process is SIGKILLed at a random moment of its fetch-and-write: the cache file is always absent or whole,
 *   and the next process still gets credentials with at most one call (a lock left behind is taken over).
 */
import { parseRoleCredentialCacheFile, roleCredentialCacheKey } from "@sso-kit/credential-provider/internal";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { killAllChildren, startChild, type LineChild } from "../support/startChild";
import { requireBuilt } from "../support/requireBuilt";
import { recordFigure } from "./support/figures";
import { scaled } from "./support/scale";
import { useSandbox } from "./support/sandbox";

const PROCESSES = 16;
const ROUNDS = scaled(5, 2);
const KILLS = scaled(20, 5);
const GET_ROLE_CREDENTIALS_DELAY_MS = 50;

const sandbox = useSandbox();
afterAll(killAllChildren);

interface Outcome {
  round?: number;
  accessKeyId?: string;
  error?: string;
}

const cacheFileOf = (session: string): string =>
  join(
    sandbox.home,
    ".aws",
    "cli",
    "cache",
    `${roleCredentialCacheKey({
      accountId: sandbox.emu.accounts[0]!.accountId,
      roleName: sandbox.emu.accounts[0]!.roles[0]!,
      sessionName: session,
    })}.json`,
  );

test(`${PROCESSES} processes x ${ROUNDS} rounds with the shared cache: 0 failures, 1 GetRoleCredentials a round`, async () => {
  requireBuilt("credential-provider");
  const { emu } = sandbox;
  // A little latency keeps the 16 processes inside the race window.
  emu.faults.add({ operation: "GetRoleCredentials", delayMs: GET_ROLE_CREDENTIALS_DELAY_MS });
  const workers: LineChild[] = Array.from({ length: PROCESSES }, () =>
    startChild(join(__dirname, "children/roleCacheWorker.mjs"), sandbox.childEnv),
  );
  await Promise.all(workers.map((worker) => worker.next((line) => line === "ready")));

  let failures = 0;
  const callsPerRound: number[] = [];
  const problems: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const session = `role-race-${round}`;
    await sandbox.seedSession(session, 3_600_000);
    const before = emu.stats().GetRoleCredentials;
    const message = JSON.stringify({ round, init: sandbox.sessionRole(session) });
    for (const worker of workers) worker.send(message);
    const outcomes = await Promise.all(workers.map((worker) => worker.nextJson<Outcome>()));
    callsPerRound.push(emu.stats().GetRoleCredentials - before);
    const errors = outcomes.filter((outcome) => outcome.error !== undefined);
    failures += errors.length;
    if (errors.length > 0) problems.push(`round ${round}: ${errors[0]!.error}`);
    const keys = new Set(outcomes.map((outcome) => outcome.accessKeyId));
    if (keys.size !== 1) problems.push(`round ${round}: ${keys.size} different credentials handed out`);
  }
  for (const worker of workers) worker.process.stdin!.end();

  recordFigure({
    id: "shared-role-cache-race",
    summary:
      `${PROCESSES} processes x ${ROUNDS} rounds with the shared role-credential cache: ${failures} failures, ` +
      `${callsPerRound.reduce((a, b) => a + b, 0)} GetRoleCredentials (${callsPerRound.join(", ")} by round)`,
    data: { processes: PROCESSES, rounds: ROUNDS, failures, callsPerRound },
  });
  expect(problems).toEqual([]);
  expect(failures).toBe(0);
  expect(callsPerRound).toEqual(Array.from({ length: ROUNDS }, () => 1));
});

test(`${KILLS} SIGKILLs during a shared-cache fetch and write: the file is absent or whole, the next process succeeds`, async () => {
  requireBuilt("credential-provider");
  const { emu } = sandbox;
  emu.faults.clear();
  const child = join(__dirname, "../credential-provider/children/roleCredentials.mjs");
  // How long one fetch-and-write takes here, so that the kills are drawn over all of it (not asserted on).
  await sandbox.seedSession("role-crash-calibration", 3_600_000);
  const calibration = startChild(child, {
    ...sandbox.childEnv,
    SSO_KIT_TEST_INIT: JSON.stringify({
      ...sandbox.sessionRole("role-crash-calibration"),
      roleCredentialCache: "shared",
    }),
  });
  await calibration.next((line) => line === "ready");
  const started = Date.now();
  calibration.send("go");
  expect((await calibration.nextJson<Outcome>()).error).toBeUndefined();
  const fetchMs = Math.max(20, Date.now() - started);

  const problems: string[] = [];
  let fileWhole = 0;
  let fileAbsent = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    const session = `role-crash-${kill}`;
    await sandbox.seedSession(session, 3_600_000);
    const env = {
      ...sandbox.childEnv,
      SSO_KIT_TEST_INIT: JSON.stringify({ ...sandbox.sessionRole(session), roleCredentialCache: "shared" }),
    };
    const victim = startChild(child, env);
    await victim.next((line) => line === "ready");
    victim.send("go");
    // Over the whole fetch: token read, lock, GetRoleCredentials, write, unlock; half over its last quarter.
    const fraction = kill % 2 === 0 ? Math.random() : 0.75 + Math.random() / 4;
    await sleep(Math.floor(fraction * fetchMs * 1.1));
    victim.process.kill("SIGKILL");
    await victim.exited;

    const file = cacheFileOf(session);
    if (existsSync(file)) {
      const parsed = parseRoleCredentialCacheFile(JSON.parse(readFileSync(file, "utf8")));
      if (parsed.ok) fileWhole += 1;
      else problems.push(`kill ${kill}: ${parsed.reason}`);
    } else {
      fileAbsent += 1;
    }
    const before = emu.stats().GetRoleCredentials;
    const next = startChild(child, env);
    await next.next((line) => line === "ready");
    next.send("go");
    const outcome = await next.nextJson<Outcome>();
    if (outcome.error !== undefined) problems.push(`kill ${kill}: the next process failed: ${outcome.error}`);
    const calls = emu.stats().GetRoleCredentials - before;
    if (calls > 1) problems.push(`kill ${kill}: the next process made ${calls} calls`);
  }
  recordFigure({
    id: "shared-role-cache-crash",
    summary:
      `${KILLS} SIGKILLs during a shared role-credential cache fetch: ${fileWhole} files whole, ${fileAbsent} absent, ` +
      `${problems.length} problems`,
    data: { kills: KILLS, fileWhole, fileAbsent, problems: problems.length },
  });
  expect(problems).toEqual([]);
});
