/**
 * The reliability suite (`pnpm test:reliability`): the root jest settings, restricted to test/reliability (which
 * the root config skips: these tests start hundreds of processes and run for minutes). Child processes run the
 * BUILT packages, so the script builds first.
 *
 * Each test records what it measured ("200/200 crashes survived, ...") through `support/figures.ts`; the figures
 * reporter prints them at the end of the run and, when RELIABILITY_FIGURES_JSON names a file, writes them there.
 */
const os = require("node:os");
const path = require("node:path");
const root = require("../../jest.config.js");

// The AWS SDK warns once per process that Node 20 support ends in 2027: noise in a report of figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// Workers inherit the environment of the process that loads this file: every test file appends to this one file.
process.env.SSO_KIT_RELIABILITY_FIGURES ??= path.join(
  os.tmpdir(),
  `sso-kit-reliability-figures-${process.pid}-${Date.now()}.jsonl`,
);

/** @type {import('jest').Config} */
module.exports = {
  ...root,
  rootDir: path.join(__dirname, "../.."),
  testMatch: ["<rootDir>/test/reliability/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  testTimeout: 180_000,
  reporters: ["default", "<rootDir>/test/reliability/support/figuresReporter.cjs"],
};
