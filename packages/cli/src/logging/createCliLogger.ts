import type { Logger } from "@smithy/types";
import { inspect } from "node:util";
import type { OutputStream } from "../output/Output.js";
import { redactSecrets } from "./redactSecrets.js";

/** Options of {@link createCliLogger}. */
export interface CliLoggerOptions {
  /** Where log lines go (stderr: stdout carries results). */
  readonly stream: OutputStream;
  /** `--debug`: also write debug, trace and info messages. Warnings and errors are always written. */
  readonly debug: boolean;
}

/**
 * The `Logger` the CLI hands to the SSO providers and to sign-in: one `sso-kit <level>: ...` line per call on
 * stderr, every argument passed through {@link redactSecrets} first, so that `--debug` never prints a token or key.
 */
export function createCliLogger({ stream, debug }: CliLoggerOptions): Logger {
  const write =
    (level: string) =>
    (...content: unknown[]): void => {
      const text = content
        .map((item) =>
          typeof item === "string"
            ? (redactSecrets(item) as string)
            : inspect(redactSecrets(item), { depth: 6, breakLength: Infinity }),
        )
        .join(" ");
      stream.write(`sso-kit ${level}: ${text}\n`);
    };
  const quiet = (): void => {};
  return {
    trace: debug ? write("trace") : quiet,
    debug: debug ? write("debug") : quiet,
    info: debug ? write("info") : quiet,
    warn: write("warn"),
    error: write("error"),
  };
}
