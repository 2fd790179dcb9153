import { escapeControlCharacters } from "@sso-kit/token-provider/internal";

import type { LoginPrompt } from "../LoginOptions.js";

/**
 * The default prompt: tells the user, on standard error (standard output stays free for a caller's data),
 * where to approve the sign-in. Prints URLs and the user code only, which are meant to be seen; they come from
 * the service, so they are checked when the reply arrives and escaped here again (`escapeControlCharacters`).
 */
export function writePromptToStderr(prompt: LoginPrompt): void {
  const lines =
    prompt.flow === "device"
      ? [
          prompt.openingBrowser ? "Attempting to open the sign-in page in your browser." : "",
          "To sign in, open this page in a browser on any device:",
          `  ${prompt.verificationUri ?? prompt.url}`,
          `and confirm that it shows this code: ${prompt.userCode ?? ""}`,
          prompt.url !== prompt.verificationUri ? `(or open ${prompt.url} directly)` : "",
        ]
      : [
          prompt.openingBrowser
            ? "Attempting to open the sign-in page in your browser. If it does not open, open this URL:"
            : "To sign in, open this URL in a browser on this computer:",
          `  ${prompt.url}`,
        ];
  process.stderr.write(
    `${lines
      .filter((line) => line !== "")
      .map(escapeControlCharacters)
      .join("\n")}\n`,
  );
}
