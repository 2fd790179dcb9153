/**
 * Jest reporter of the reliability suite: after the run, prints every figure the tests recorded (see
 * figures.ts) and, when RELIABILITY_FIGURES_JSON is set, writes them to that file as one JSON document with the
 * machine it ran on, for BENCHMARKS.md.
 */
const { existsSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const os = require("node:os");

class FiguresReporter {
  onRunStart() {
    const file = process.env.SSO_KIT_RELIABILITY_FIGURES;
    if (file && existsSync(file)) rmSync(file);
    this.startedAt = Date.now();
  }

  onRunComplete(_contexts, results) {
    const file = process.env.SSO_KIT_RELIABILITY_FIGURES;
    const figures =
      file && existsSync(file)
        ? readFileSync(file, "utf8")
            .split("\n")
            .filter((line) => line.trim() !== "")
            .map((line) => JSON.parse(line))
        : [];
    const wallSeconds = Math.round((Date.now() - this.startedAt) / 100) / 10;
    const lines = figures.map((figure) => `  ${figure.id.padEnd(22)} ${figure.summary}`);
    process.stdout.write(
      `\nReliability figures (${results.numPassedTests}/${results.numTotalTests} tests passed, ${wallSeconds} s wall, ` +
        `${os.cpus().length} CPUs):\n${lines.length > 0 ? lines.join("\n") : "  (none recorded)"}\n\n`,
    );
    const out = process.env.RELIABILITY_FIGURES_JSON;
    if (out) {
      const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version };
      const document = {
        date: new Date().toISOString(),
        machine,
        wallSeconds,
        passed: results.numPassedTests,
        total: results.numTotalTests,
        figures,
      };
      writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
    }
    if (file && existsSync(file)) rmSync(file);
  }
}

module.exports = FiguresReporter;
