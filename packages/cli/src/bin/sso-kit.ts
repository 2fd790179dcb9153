#!/usr/bin/env node
import { runCli } from "../runCli.js";

// Ctrl-C / SIGTERM end long waits (sign-in, the emulator) through the abort signal, so that they clean up first.
// A command still running a little later is ended anyway, and a second Ctrl-C ends it at once (default action).
const FORCED_EXIT_MS = 4000;
// While `sso-kit exec` runs its command, it has its own listeners that pass the signal on, and it ends when the
// command does: the signal is then not ours to act on.
const interrupt = new AbortController();
const onSignal = (signal: NodeJS.Signals): void => {
  if (process.listenerCount(signal) > 1) return;
  process.off(signal, onSignal);
  interrupt.abort(signal);
  setTimeout(() => process.exit(130), FORCED_EXIT_MS).unref();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

// Runtime warnings (e.g. the AWS SDK's notice about future Node.js versions) are for --debug only: stderr must stay
// readable, and it is shown to the user by tools that run `sso-kit credential-process`.
process.removeAllListeners("warning");
process.on("warning", (warning) => {
  if (process.argv.includes("--debug")) {
    process.stderr.write(`sso-kit debug: ${warning.name}: ${warning.message.split("\n")[0] ?? ""}\n`);
  }
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupt.signal,
}).then(
  (exitCode) => {
    // Exit once the output is flushed, without waiting for idle keep-alive sockets of the SDK clients.
    process.stdout.write("", () => process.stderr.write("", () => process.exit(exitCode)));
  },
  (error: unknown) => {
    process.stderr.write(`sso-kit: unexpected failure: ${String(error)}\n`);
    process.exit(1);
  },
);
