import { startEmulator } from "../startEmulator.js";
import { CLI_USAGE, parseCliArgs } from "./parseCliArgs.js";
import { renderBanner } from "./renderBanner.js";

/** Where `runEmulatorCli` writes and what ends it. */
export interface EmulatorCliEnvironment {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves when the emulator should stop (the bin: on SIGINT or SIGTERM; `sso-kit emulator`: on its abort). */
  stopRequested: () => Promise<void>;
}

/** Waits for the first SIGINT or SIGTERM, then removes the listeners. */
const untilSignal = (): Promise<void> =>
  new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop).off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop).on("SIGTERM", stop);
  });

const processEnvironment: EmulatorCliEnvironment = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stopRequested: untilSignal,
};

/**
 * The `sso-kit-emulator` command: parses `args`, starts the emulator, prints the banner, runs until a stop is
 * requested, stops it and resolves with the exit code (0, or 2 for a usage error, 1 when it cannot start).
 */
export const runEmulatorCli = async (
  args: string[],
  env: EmulatorCliEnvironment = processEnvironment,
): Promise<number> => {
  const command = parseCliArgs(args);
  if (command.kind === "help") {
    env.stdout(CLI_USAGE);
    return 0;
  }
  if (command.kind === "error") {
    env.stderr(`sso-kit-emulator: ${command.message}\n\n${CLI_USAGE}`);
    return 2;
  }
  const stopRequested = env.stopRequested();
  let emulator;
  try {
    emulator = await startEmulator(command.options);
  } catch (error) {
    env.stderr(`sso-kit-emulator: cannot start: ${(error as Error).message}\n`);
    return 1;
  }
  env.stdout(renderBanner(emulator));
  await stopRequested;
  await emulator.stop();
  env.stdout("sso-kit emulator stopped.\n");
  return 0;
};
