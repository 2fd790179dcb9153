import { escapeControlCharacters } from "@sso-kit/token-provider/internal";

import type { LoginWait } from "../LoginOptions.js";

/** The default `onWait`: one line on standard error (standard output stays free for a caller's data). */
export function writeWaitToStderr(wait: LoginWait): void {
  process.stderr.write(`${escapeControlCharacters(wait.message)}\n`);
}
