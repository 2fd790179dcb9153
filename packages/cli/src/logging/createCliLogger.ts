import type { Logger } from "@smithy/types";
import { escapeControlCharacters, redactSecrets } from "@sso-kit/token-provider/internal";
import { inspect } from "node:util";
import type { OutputStream } from "../output/Output.js";
import type { KnownSecrets } from "../secrets/KnownSecrets.js";
import { redactSecretShapes } from "./redactSecretShapes.js";

/** Options of {@link createCliLogger}. */
export interface CliLoggerOptions {
  /** Where log lines go (stderr: stdout carries results). */
  readonly stream: OutputStream;
  /** `--debug`: also write debug, trace, info and error messages. Warnings are always written. */
  readonly debug: boolean;
  /** The secrets the run holds so far; each line is redacted with those it holds when the line is written. */
  readonly secrets: KnownSecrets;
}

/**
 * The `Logger` the CLI hands to the SSO providers, to sign-in and to the SDK clients: one `sso-kit <level>: ...`
 * line per call on stderr, so that `--debug` never prints a token or key. Each line is redacted twice: by value
 * with `@sso-kit/token-provider`'s `redactSecrets` and the run's {@link KnownSecrets}, and by shape with
 * {@link redactSecretShapes} for the secrets in other packages' log lines that the CLI never held. Control
 * characters are escaped (`escapeControlCharacters`): log lines quote server text. A message of several lines (a
 * stack trace) is written as several prefixed lines.
 *
 * `error` is written only with `--debug`: it is the level at which the AWS SDK's clients (and the lean portal
 * transport, which logs as they do) record every failed call, a raw second copy of the error the command
 * itself reports in one line; no sso-kit package logs anything else there.
 */
export function createCliLogger({ stream, debug, secrets }: CliLoggerOptions): Logger {
  const write =
    (level: string) =>
    (...content: unknown[]): void => {
      const text = content
        .map((item) => {
          const shapeless = redactSecretShapes(item);
          return typeof shapeless === "string"
            ? shapeless
            : inspect(shapeless, { depth: 6, breakLength: Infinity });
        })
        .join(" ");
      const lines = redactSecrets(text, secrets.values()).split("\n");
      stream.write(lines.map((line) => `sso-kit ${level}: ${escapeControlCharacters(line)}\n`).join(""));
    };
  const quiet = (): void => {};
  return {
    trace: debug ? write("trace") : quiet,
    debug: debug ? write("debug") : quiet,
    info: debug ? write("info") : quiet,
    warn: write("warn"),
    error: debug ? write("error") : quiet,
  };
}
