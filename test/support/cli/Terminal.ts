import { execFileSync } from "node:child_process";

/** tmux, which drives the interactive tests: the CI installs it (see .ci/run). */
export const TMUX = "/usr/bin/tmux";

/**
 * A real terminal, 120 columns by 40 rows, running one shell command in a tmux server of its own (so tests never
 * touch the user's tmux): keys go in with {@link type} / {@link press}, the screen comes out with {@link screen}.
 */
export class Terminal {
  private constructor(private readonly socket: string) {}

  /** Starts `command` (run by `sh -c`) in a new detached session. */
  static start(name: string, command: string): Terminal {
    const terminal = new Terminal(`sso-kit-test-${process.pid}-${name}`);
    terminal.tmux("-f", "/dev/null", "new-session", "-d", "-s", "test", "-x", "120", "-y", "40", command);
    return terminal;
  }

  /** Types `text` literally. */
  type(text: string): void {
    this.tmux("send-keys", "-t", "test", "-l", text);
  }

  /** Presses keys by tmux name: `Enter`, `Down`, `C-c`. */
  press(...keys: string[]): void {
    this.tmux("send-keys", "-t", "test", ...keys);
  }

  /** The screen and its scrollback as text; with `escapes`, with the colour and attribute sequences. */
  screen(escapes = false): string {
    return this.tmux("capture-pane", "-p", "-t", "test", "-S", "-200", ...(escapes ? ["-e"] : []));
  }

  /** Polls the screen every 50 ms until `pattern` is on it; fails after `timeoutMs` showing the screen. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`${pattern} did not appear on the terminal:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Ends the session and its server (and so the command). */
  kill(): void {
    try {
      this.tmux("kill-server");
    } catch {
      // Already gone.
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync(TMUX, ["-L", this.socket, ...args], { encoding: "utf8", timeout: 10_000 });
  }
}
