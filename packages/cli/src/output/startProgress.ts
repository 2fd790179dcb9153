import { formatDuration } from "./formatDuration.js";
import type { Output } from "./Output.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const TICK_MS = 120;

/**
 * Shows that the CLI is waiting: on a terminal, a spinner line on stderr with the time waited and the time left,
 * redrawn in place; elsewhere (a pipe, a log file), the message once. Returns the function that clears it.
 */
export function startProgress(output: Output, message: string, deadline?: Date): () => void {
  if (!output.interactive) {
    output.info(`${message}...`);
    return () => {};
  }
  const started = Date.now();
  let frame = 0;
  const draw = (): void => {
    const now = Date.now();
    const left = deadline ? `, ${formatDuration(deadline.getTime() - now)} left` : "";
    const spinner = output.errorStyle.cyan(FRAMES[frame++ % FRAMES.length] ?? "");
    output.stderr.write(`\r\u001b[2K${spinner} ${message} (${formatDuration(now - started)}${left})`);
  };
  draw();
  const timer = setInterval(draw, TICK_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    output.stderr.write("\r\u001b[2K");
  };
}
