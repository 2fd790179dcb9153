// Prints the one closing line CI reads, from jest's --json result file(s), after one line per lane.
// Usage: node summarize-jest.cjs [--lane LABEL] FILE... [--lane LABEL FILE...]...
// Files before any --lane form an unnamed lane; the closing line counts every file of every lane.
const fs = require("node:fs");
const path = require("node:path");

/** Passed and failed tests of one result file, and how long jest ran (ms), or undefined without a result. */
function read(file) {
  if (!fs.existsSync(file)) {
    console.error(`no jest result at ${file}: jest did not run to completion`);
    return { passed: 0, failed: 1, ms: undefined };
  }
  const result = JSON.parse(fs.readFileSync(file, "utf8"));
  // A suite that fails to load has no failing test of its own; count it so it cannot pass unnoticed.
  const failed =
    result.numFailedTests +
    result.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
  const ends = result.testResults.map((s) => s.endTime).filter((t) => typeof t === "number");
  const ms = ends.length > 0 ? Math.max(...ends) - result.startTime : undefined;
  return { passed: result.numPassedTests, failed, ms };
}

const lanes = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--lane") {
    lanes.push({ label: args[++i], files: [] });
  } else {
    if (lanes.length === 0) lanes.push({ label: undefined, files: [] });
    lanes[lanes.length - 1].files.push(args[i]);
  }
}

const seconds = (ms) => (ms === undefined ? "?" : `${(ms / 1000).toFixed(0)} s`);
let passed = 0;
let failed = 0;
for (const lane of lanes) {
  const parts = lane.files.map((file) => ({ name: path.basename(file, ".json"), ...read(file) }));
  const lanePassed = parts.reduce((sum, p) => sum + p.passed, 0);
  const laneFailed = parts.reduce((sum, p) => sum + p.failed, 0);
  passed += lanePassed;
  failed += laneFailed;
  if (lane.label !== undefined) {
    const detail = parts.map((p) => `${p.name} ${p.passed}/${p.failed} in ${seconds(p.ms)}`).join(", ");
    console.log(`${lane.label}: ${lanePassed} passed, ${laneFailed} failed (${detail})`);
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
