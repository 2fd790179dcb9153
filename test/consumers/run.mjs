// `pnpm test:consumers`: tests what users install. Packs the built packages, installs the tarballs with npm into
// copies of the fixture projects beside this file (see lib/lanes.mjs), and runs each consumer against the emulator:
// it must resolve credentials with fromSSO (refreshing the expired cached token) and sign an STS call with them.
// Prints one PASS/FAIL line per consumer and `consumers: N passed, N failed`; exits 1 if any failed.
// `--json FILE` also writes the results in the shape of jest's --json output (for .ci/summarize-jest.cjs);
// `--only app,jest` runs some lanes; `--keep` keeps the temp directory.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { installFixture, packWorkspace, run } from "./lib/install.mjs";
import { lanes } from "./lib/lanes.mjs";
import { createWorld } from "./lib/world.mjs";

const here = join(import.meta.dirname);
const { values } = parseArgs({
  options: {
    json: { type: "string" },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
    concurrency: { type: "string", default: "2" },
  },
});
const selected =
  values.only === undefined ? lanes : lanes.filter((l) => values.only.split(",").includes(l.name));
if (selected.length === 0)
  throw new Error(`no lane named ${values.only}; lanes: ${lanes.map((l) => l.name)}`);

const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const temp = mkdtempSync(join(tmpdir(), "sso-kit-consumers-"));
const results = [];
const report = (lane, name, problems, since) => {
  results.push({ lane: lane.name, name, problems, ms: performance.now() - since });
  const line =
    problems.length === 0 ? `PASS ${name}` : `FAIL ${name}\n${problems.map((p) => `  ${p}`).join("\n")}`;
  process.stdout.write(`${line} (${seconds(since)})\n`);
};

/** The last lines of a failed command's output: enough to see why, never a whole log. */
const tail = (text, lines = 40) => text.trim().split("\n").slice(-lines).join("\n");

const runTest = async (lane, dir, prepared, tarballs, test) => {
  const since = performance.now();
  if (test.inspect) {
    report(lane, test.name, await test.inspect(dir, tarballs), since);
    return;
  }
  const world = await createWorld();
  try {
    const cwd = typeof test.cwd === "function" ? test.cwd(prepared) : dir;
    const [command, args] = test.command;
    const outcome = await run(command, args, { cwd, env: world.env, timeoutMs: 120_000 });
    if (outcome.code !== 0) {
      const why = outcome.timedOut ? "did not finish in 120 s" : `exited ${outcome.code}`;
      report(lane, test.name, [`${why}:\n${tail(`${outcome.stderr}\n${outcome.stdout}`)}`], since);
      return;
    }
    const problems =
      test.output === "credential-process"
        ? await world.checkCredentialProcess(outcome.stdout)
        : await world.checkResultFile();
    report(lane, test.name, problems, since);
  } finally {
    await world.dispose();
  }
};

const runLane = async (lane, tarballs) => {
  const since = performance.now();
  let dir;
  let prepared;
  try {
    const extra = lane.extra ? await lane.extra(tarballs) : [];
    dir = await installFixture(
      join(here, lane.fixture),
      join(temp, lane.name, "project"),
      lane.packages.map((name) => tarballs[name]),
      extra,
    );
    for (const [to, from] of Object.entries(lane.files ?? {})) cpSync(join(here, from), join(dir, to));
    prepared = lane.prepare ? await lane.prepare(dir) : undefined;
  } catch (error) {
    for (const test of lane.tests)
      report(lane, test.name, [`${lane.name} did not install: ${error.message}`], since);
    return;
  }
  process.stdout.write(`     ${lane.name}: installed and prepared in ${seconds(since)}\n`);
  for (const test of lane.tests) {
    try {
      await runTest(lane, dir, prepared, tarballs, test);
    } catch (error) {
      report(lane, test.name, [String(error.stack ?? error)], performance.now());
    }
  }
};

try {
  const tarballs = await packWorkspace(join(temp, "tarballs"));
  process.stdout.write(`     packed ${Object.keys(tarballs).length} packages in ${seconds(started)}\n`);
  // Lanes in parallel, `concurrency` at a time: most of their time is npm waiting on the disk and the network.
  const queue = [...selected];
  const worker = async () => {
    for (let lane = queue.shift(); lane !== undefined; lane = queue.shift()) await runLane(lane, tarballs);
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(values.concurrency)) }, worker));
} finally {
  if (values.keep) process.stdout.write(`     kept ${temp}\n`);
  else rmSync(temp, { recursive: true, force: true });
}

const failed = results.filter((r) => r.problems.length > 0);
process.stdout.write(
  `consumers: ${results.length - failed.length} passed, ${failed.length} failed (${seconds(started)})\n`,
);
if (values.json !== undefined) {
  writeFileSync(
    values.json,
    `${JSON.stringify(
      {
        numPassedTests: results.length - failed.length,
        numFailedTests: failed.length,
        testResults: [
          {
            name: "test/consumers",
            status: failed.length === 0 ? "passed" : "failed",
            assertionResults: results.map((r) => ({
              ancestorTitles: [r.lane],
              title: r.name,
              status: r.problems.length === 0 ? "passed" : "failed",
              duration: Math.round(r.ms),
              failureMessages: r.problems,
            })),
          },
        ],
      },
      null,
      2,
    )}\n`,
  );
}
process.exitCode = failed.length === 0 ? 0 : 1;
