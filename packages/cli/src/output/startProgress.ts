import { formatDuration } from "./formatDuration.js";
import type { Output } from "./Output.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const TICK_MS = 120;

/**
 * Shows that the CLI is waiting: on a terminal, a spinner line on stderr with the time waited and the time left,
 * redrawn in place; elsewhere (a pipe, a log file), the message once. A message that changes while the CLI waits
 * (a count of work done) is given as a function, read at every redraw. Returns the function that clears it.
 */
export function startProgress(output: Output, message: string | (() => string), deadline?: Date): () => void {
  const text = typeof message === "string" ? () => message : message;
  if (!output.interactive) {
    output.info(`${text()}...`);
    return () => {};
  }
  const started = Date.now();
  let frame = 0;
  const draw = (): void => {
    const now = Date.now();
    const left = deadline ? `, ${formatDuration(deadline.getTime() - now)} left` : "";
    const spinner = output.errorStyle.cyan(FRAMES[frame++ % FRAMES.length] ?? "");
    output.stderr.write(`\r\u001b[2K${spinner} ${text()} (${formatDuration(now - started)}${left})`);
  };
  draw();
  const timer = setInterval(draw, TICK_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    output.stderr.write("\r\u001b[2K");
  };
}
