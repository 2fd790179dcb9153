import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

/** A node child process that talks in lines: JSON results on stdout, commands on stdin. */
export interface LineChild {
  readonly process: ChildProcess;
  /** Every stdout line so far. */
  readonly lines: readonly string[];
  /** Everything written to stderr (for failure messages). */
  readonly stderr: () => string;
  /**
   * The next stdout line matching `predicate`, after the last line this returned (lines are consumed in
   * order, so a worker answering round after round is read round by round). Rejects if the child exits first.
   */
  next(predicate?: (line: string) => boolean): Promise<string>;
  /** The next line that is a JSON object, parsed. */
  nextJson<T = Record<string, unknown>>(): Promise<T>;
  /** Writes one line to the child's stdin. */
  send(line: string): void;
  /** How the child ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every child started through {@link startChild}, so that a test can kill what is left. */
const started = new Set<ChildProcess>();

/**
 * Starts `node <script> <args>` with exactly `env` (plus PATH): the test decides what the child sees (HOME,
 * emulator endpoints), nothing leaks in from the developer's environment.
 */
export const startChild = (
  script: string,
  env: Record<string, string | undefined> = {},
  args: readonly string[] = [],
): LineChild => {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  started.add(child);
  const lines: string[] = [];
  let cursor = 0;
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on("line", (line) => {
    lines.push(line);
    for (const wake of [...waiters]) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => {
      started.delete(child);
      for (const wake of [...waiters]) wake();
      resolve({ code, signal });
    }),
  );
  let closed = false;
  void exited.then(() => (closed = true));
  const next = (predicate: (line: string) => boolean = () => true): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        for (let i = cursor; i < lines.length; i++) {
          if (predicate(lines[i]!)) {
            cursor = i + 1;
            waiters.delete(check);
            resolve(lines[i]!);
            return;
          }
        }
        if (closed || child.exitCode !== null || child.signalCode !== null) {
          waiters.delete(check);
          reject(
            new Error(
              `${script} ended without the expected line; stdout: ${lines.join(" | ")}; stderr: ${stderr}`,
            ),
          );
        }
      };
      waiters.add(check);
      check();
    });
  return {
    process: child,
    lines,
    stderr: () => stderr,
    next,
    nextJson: async <T>() => JSON.parse(await next((line) => line.startsWith("{"))) as T,
    send: (line) => {
      child.stdin!.write(`${line}\n`);
    },
    exited,
  };
};

/** SIGKILLs every child still running (for afterEach/afterAll). */
export const killAllChildren = async (): Promise<void> => {
  const running = [...started];
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("close", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
};
