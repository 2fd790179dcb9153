// Prints the one closing line CI reads, from jest's --json result file(s).
const fs = require("node:fs");

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`no jest result at ${file}: jest did not run to completion`);
    failed += 1;
    continue;
  }
  const result = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += result.numPassedTests;
  // A suite that fails to load has no failing test of its own; count it so it cannot pass unnoticed.
  failed +=
    result.numFailedTests +
    result.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
