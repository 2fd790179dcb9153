import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { AWS_ENVIRONMENT_VARIABLES } from "./AWS_ENVIRONMENT_VARIABLES.js";

/** How {@link enterTempHome} makes the temporary HOME. */
export interface TempHomeOptions {
  /** The start of the directory's name in the OS temp directory, e.g. `sso-kit-login-`. */
  prefix?: string;
  /**
   * Also create `~/.aws` (0700), for tests that write `~/.aws/config` themselves. Leave it off where the code under
   * test must create its directories (and is checked to create them 0700).
   */
  createAwsDirectory?: boolean;
}

/** A temporary HOME that this process is in, until {@link TempHome.restore}. */
export interface TempHome {
  /** The temporary HOME (`process.env.HOME`). */
  readonly dir: string;
  /** Restores every variable of {@link AWS_ENVIRONMENT_VARIABLES} as it was and removes the directory. */
  restore(): void;
}

/**
 * Makes a temporary HOME and points `process.env.HOME` at it, with every other variable of
 * {@link AWS_ENVIRONMENT_VARIABLES} unset, so that nothing reads or writes the real `~/.aws`. For the lifecycles
 * jest hooks do not fit (a sandbox started inside a test, or for a whole file); otherwise use `useTempHome`.
 */
export const enterTempHome = ({
  prefix = "sso-kit-test-",
  createAwsDirectory = false,
}: TempHomeOptions = {}): TempHome => {
  const saved = AWS_ENVIRONMENT_VARIABLES.map((name) => [name, process.env[name]] as const);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of AWS_ENVIRONMENT_VARIABLES) delete process.env[name];
  process.env.HOME = dir;
  if (createAwsDirectory) mkdirSync(join(dir, ".aws"), { mode: 0o700 });
  return {
    dir,
    restore: () => {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
