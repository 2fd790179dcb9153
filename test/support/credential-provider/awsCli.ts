import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The `aws` executables on PATH, then Debian's /usr/bin/aws, with the version each prints. */
const installed = [...(process.env.PATH ?? "").split(":").map((dir) => join(dir, "aws")), "/usr/bin/aws"]
  .filter((candidate, index, all) => all.indexOf(candidate) === index && existsSync(candidate))
  .flatMap((path) => {
    try {
      const version = execFileSync(path, ["--version"], { encoding: "utf8", timeout: 20_000 });
      const match = /^aws-cli\/(\d+)\.(\d+)\./.exec(version);
      return match ? [{ path, major: Number(match[1]), minor: Number(match[2]) }] : [];
    } catch {
      return [];
    }
  });

/**
 * An AWS CLI v2 on this machine (Debian's `awscli` package is v2), found on PATH or at /usr/bin/aws: PATH may
 * hold a v1 first, which has no SSO credential cache. `undefined` when there is none: the interop tests are skipped.
 */
export const awsCliV2 = installed.find((cli) => cli.major === 2)?.path;

/**
 * An AWS CLI that honours `AWS_ENDPOINT_URL_STS` (v1 from 1.29, v2 from 2.13), so that it can call the emulator's
 * STS itself; Debian's 2.9 cannot. `undefined` when there is none: the tests that need one are skipped.
 */
export const awsCliWithStsEndpoint = installed.find(
  (cli) => (cli.major === 1 && cli.minor >= 29) || (cli.major === 2 && cli.minor >= 13),
)?.path;
