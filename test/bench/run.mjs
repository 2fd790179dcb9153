// `pnpm bench` (full) and `pnpm bench --quick`: sso-kit against the official @aws-sdk/credential-provider-sso /
// @aws-sdk/token-providers, both on the same local emulator, HOME and token file, in the same run, both as users
// install them: the BUILT packages (the script builds first) packed and installed by npm, with the official ones,
// in one consumer project in a temp dir (see lib/world.mjs). Prints a table of medians (min–max) and ratios measured in this run;
// `--json [file]` also writes the results (default bench-results.json); `--markdown` prints the table as Markdown
// (as pasted into BENCHMARKS.md); `--only cold,warm` runs a subset.
// Targets are reported, never asserted: the machine is shared and noisy.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { cold, credentialProcess, crossProcess, fanOut, throttledLs, warm } from "./lib/benchmarks.mjs";
import { formatTable, tableRows } from "./lib/report.mjs";
import { createWorld } from "./lib/world.mjs";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "string" },
    only: { type: "string" },
    markdown: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  // `--json` alone (no file name) is allowed: parseArgs would otherwise take the next flag as its value.
  args: process.argv
    .slice(2)
    .map((arg, i, all) =>
      arg === "--json" && (all[i + 1] ?? "--").startsWith("--") ? "--json=bench-results.json" : arg,
    ),
});
if (values.help) {
  process.stdout.write(
    "usage: node test/bench/run.mjs [--quick] [--json [file]] [--markdown] [--only cold,warm,fan-out,cross-process,credential-process,throttled-ls]\n",
  );
  process.exit(0);
}

const quick = values.quick;
const plan = quick
  ? {
      cold: { runs: 10 },
      warm: { processes: 5, calls: 200_000, batches: 5 },
      fanOut: { repeats: 1 },
      crossProcess: { repeats: 3 },
      credentialProcess: { series: 1 },
      throttledLs: { runs: 1 },
    }
  : {
      cold: { runs: 40 },
      warm: { processes: 11, calls: 300_000, batches: 5 },
      fanOut: { repeats: 5 },
      crossProcess: { repeats: 10 },
      credentialProcess: { series: 5 },
      throttledLs: { runs: 3 },
    };
const selected = new Set(
  (values.only ?? "cold,warm,fan-out,cross-process,credential-process,throttled-ls").split(","),
);

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
};
const started = performance.now();
const results = {};
process.stderr.write("bench: packing sso-kit and installing it with the official packages...");
const world = await createWorld();
process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const step = async (name, fn) => {
  if (!selected.has(name)) return;
  const t = performance.now();
  process.stderr.write(`bench: ${name}...`);
  results[name] = await fn();
  process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
};
try {
  await step("cold", () => cold(world, plan.cold));
  await step("warm", () => warm(world, plan.warm));
  await step("fan-out", () => fanOut(world, plan.fanOut));
  await step("cross-process", () => crossProcess(world, plan.crossProcess));
  await step("credential-process", () => credentialProcess(world, plan.credentialProcess));
  await step("throttled-ls", () => throttledLs(world, plan.throttledLs));
} finally {
  await world.dispose();
}
machine.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
const wallSeconds = Math.round((performance.now() - started) / 100) / 10;

const rows = tableRows(results);
const table = formatTable(rows, { markdown: values.markdown });
process.stdout.write(
  `\nsso-kit benchmarks (${quick ? "quick" : "full"}), ${new Date().toISOString()}: median (min–max); ratio = sso-kit / official, medians of this run\n` +
    `installed by npm: ${Object.entries(world.installed)
      .map(([name, version]) => `${name} ${version}`)
      .join(", ")}\n` +
    `machine: ${machine.cpus} CPUs ${machine.cpuModel ?? ""}, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(" ")} → ${machine.loadAverageAtEnd.join(" ")} (shared and noisy: compare ratios, not absolute times)\n\n` +
    `${table}\n\n${wallSeconds} s in all.\n`,
);
const cross = results["cross-process"];
if (cross) {
  for (const impl of ["sso-kit", "official"]) {
    const errors = Object.entries(cross[impl].errors);
    if (errors.length > 0)
      process.stdout.write(
        `cross-process errors (${impl}): ${errors.map(([e, n]) => `${n} x ${e}`).join("; ")}\n`,
      );
  }
}
if (values.json !== undefined) {
  writeFileSync(
    values.json,
    `${JSON.stringify({ date: new Date().toISOString(), mode: quick ? "quick" : "full", machine, installed: world.installed, wallSeconds, plan, results, table: rows }, null, 2)}\n`,
  );
  process.stdout.write(`results written to ${values.json}\n`);
}
