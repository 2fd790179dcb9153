import type { Emulator, EmulatorOptions, SeededToken, SeedTokenOptions } from "@sso-kit/emulator";
import { startEmulator } from "@sso-kit/emulator";
import { SsoTokenCache } from "@sso-kit/token-provider";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { signIn } from "../support/signIn";

/** The built bin: child-process tests run what users run (`pnpm build` first). */
export const BIN = path.join(__dirname, "../../packages/cli/dist/esm/bin/sso-kit.js");

/** What a finished `sso-kit` run printed and how it ended. */
export interface CliRun {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The sso-session and profiles every sandbox's config defines. */
export const SESSION = "emu-sess";
export const PROFILE = "dev";
export const TOKEN_ONLY_PROFILE = "portal";
export const LEGACY_PROFILE = "legacy";

/**
 * One test's world: an emulator, a temporary HOME with `~/.aws/config`, and the environment a child `sso-kit`
 * gets (only PATH from this process, so no AWS_PROFILE or real credentials leak in; no DISPLAY, so no browser).
 */
export class Sandbox {
  /** Every run made through {@link run} / {@link spawn}, for the secret scans. */
  readonly runs: CliRun[] = [];

  private constructor(
    readonly emu: Emulator,
    readonly home: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Starts an emulator and writes a config with an sso-session profile `dev` for its first account. */
  static async create(options: EmulatorOptions = {}): Promise<Sandbox> {
    const emu = await startEmulator(options);
    const home = mkdtempSync(path.join(tmpdir(), "sso-kit-cli-test-"));
    const configFile = path.join(home, ".aws", "config");
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, ".aws", "credentials"),
      ...emu.env,
    };
    const sandbox = new Sandbox(emu, home, env);
    const account = emu.accounts[0];
    if (account === undefined) throw new Error("the emulator has no accounts");
    sandbox.writeConfig(
      [
        `[sso-session ${SESSION}]`,
        `sso_start_url = ${emu.startUrl}`,
        `sso_region = ${emu.region}`,
        "sso_registration_scopes = sso:account:access",
        "",
        `[profile ${PROFILE}]`,
        `sso_session = ${SESSION}`,
        `sso_account_id = ${account.accountId}`,
        `sso_role_name = ${account.roles[0]}`,
        "",
        `[profile ${TOKEN_ONLY_PROFILE}]`,
        `sso_session = ${SESSION}`,
        "",
        `[profile ${LEGACY_PROFILE}]`,
        `sso_start_url = ${emu.startUrl}`,
        `sso_region = ${emu.region}`,
        `sso_account_id = ${account.accountId}`,
        `sso_role_name = ${account.roles[0]}`,
        "",
      ].join("\n"),
    );
    return sandbox;
  }

  /** The config file path (AWS_CONFIG_FILE). */
  get configFile(): string {
    return this.env.AWS_CONFIG_FILE as string;
  }

  /** `~/.aws/sso/cache` of this HOME. */
  get tokenCache(): SsoTokenCache {
    return new SsoTokenCache({ directory: path.join(this.home, ".aws", "sso", "cache") });
  }

  /** `~/.aws/cli/cache` of this HOME. */
  get roleCredentialCacheDirectory(): string {
    return path.join(this.home, ".aws", "cli", "cache");
  }

  /** Replaces `~/.aws/config`. */
  writeConfig(text: string): void {
    mkdirSync(path.dirname(this.configFile), { recursive: true, mode: 0o700 });
    writeFileSync(this.configFile, text);
  }

  /**
   * Signs in without a browser, as if `sso-kit login` had run: one token the emulator accepts, written to the
   * token files of the sso-session and of the legacy profile's start URL. Returns the seeded token (its secrets,
   * for the scans).
   */
  seedSignIn(seed: SeedTokenOptions = {}): Promise<SeededToken> {
    return signIn(this.emu, this.tokenCache, [SESSION, this.emu.startUrl], seed);
  }

  /** Runs `sso-kit args...` to completion. */
  run(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> {
    return finished(this.spawn(args, extraEnv), args, this.runs);
  }

  /** Starts `sso-kit args...`; {@link finished} collects its result. */
  spawn(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
    return spawn(process.execPath, [BIN, ...args], { env: { ...this.env, ...extraEnv }, cwd: this.home });
  }

  /** Stops the emulator and deletes the HOME. */
  async dispose(): Promise<void> {
    await this.emu.stop();
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** Waits for a spawned `sso-kit` to exit (killing it after `timeoutMs`) and records what it printed. */
export function finished(
  child: ChildProcessWithoutNullStreams,
  args: readonly string[],
  record?: CliRun[],
  timeoutMs = 20_000,
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const run = { args, code, signal, stdout, stderr };
      record?.push(run);
      resolve(run);
    });
  });
}

/** Resolves with the first match of `pattern` in the child's stderr (rejects if it exits first). */
export function waitForStderr(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
): Promise<RegExpMatchArray> {
  return waitForOutput(child, "stderr", pattern);
}

/** Resolves with the first match of `pattern` in one of the child's streams (rejects if it exits first). */
export function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  stream: "stdout" | "stderr",
  pattern: RegExp,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer | string): void => {
      text += chunk.toString();
      const match = text.match(pattern);
      if (match) {
        child[stream].off("data", onData);
        resolve(match);
      }
    };
    child[stream].on("data", onData);
    child.once("close", () => reject(new Error(`sso-kit exited before printing ${pattern}:\n${text}`)));
  });
}
