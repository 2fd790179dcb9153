/**
 * One jest run for the whole monorepo. TypeScript is compiled by @swc/jest (no type checking: `pnpm build`
 * type-checks every package), and `@sso-kit/<name>` (and `@sso-kit/<name>/internal`) resolves to the package's
 * source so that specs never depend on a stale build. Child-process tests run the built `dist/` instead, which
 * `pnpm test` builds first.
 */
const swc = [
  "@swc/jest",
  {
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": swc },
  moduleNameMapper: {
    "^@sso-kit/([a-z-]+)/(internal(?:/[a-z]+)?)$": "<rootDir>/packages/$1/src/$2.ts",
    "^@sso-kit/([a-z-]+)$": "<rootDir>/packages/$1/src/index.ts",
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  testMatch: ["<rootDir>/packages/*/src/**/*.spec.ts", "<rootDir>/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "<rootDir>/test/reliability/"],
  testTimeout: 30_000,
  maxWorkers: 2,
};
