import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh HOME for each test (and no AWS_* variables that would point elsewhere); restored afterwards. */
export const useTempHome = (): { readonly dir: string } => {
  const state = { dir: "" };
  const saved: Record<string, string | undefined> = {};
  const keys = [
    "HOME",
    "USERPROFILE",
    "AWS_PROFILE",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_ENDPOINT_URL_SSO_OIDC",
    "AWS_ENDPOINT_URL",
  ];
  beforeEach(() => {
    for (const key of keys) saved[key] = process.env[key];
    state.dir = mkdtempSync(join(tmpdir(), "sso-kit-token-provider-"));
    process.env.HOME = state.dir;
    for (const key of keys.slice(1)) delete process.env[key];
  });
  afterEach(() => {
    for (const key of keys) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
};

/** Collects everything a logger receives, to assert on (and scan for secrets). */
export const recordingLogger = () => {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (...content: unknown[]) => {
      lines.push(
        `${level} ${content.map((c) => (typeof c === "object" ? JSON.stringify(c) : String(c))).join(" ")}`,
      );
    };
  return {
    lines,
    logger: { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") },
  };
};
