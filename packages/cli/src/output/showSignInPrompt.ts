import type { LoginPrompt } from "@sso-kit/login";
import { escapeControlCharacters } from "@sso-kit/token-provider/internal";
import type { Output } from "./Output.js";

/** The sign-in URL and code: checked by the sign-in when the service sent them, and escaped here too. */
export function showSignInPrompt(output: Output, shown: LoginPrompt): void {
  const { bold } = output.errorStyle;
  const prompt = {
    ...shown,
    url: escapeControlCharacters(shown.url),
    ...(shown.userCode !== undefined && { userCode: escapeControlCharacters(shown.userCode) }),
    ...(shown.verificationUri !== undefined && {
      verificationUri: escapeControlCharacters(shown.verificationUri),
    }),
  };
  if (prompt.flow === "device") {
    output.info(
      prompt.openingBrowser
        ? "Opening the sign-in page in your browser. If it does not open, open this page on any device:"
        : "To sign in, open this page in a browser on any device:",
    );
    output.info(`  ${bold(prompt.verificationUri ?? prompt.url)}`);
    output.info(`and check that it shows this code: ${bold(prompt.userCode ?? "")}`);
    if (prompt.url !== prompt.verificationUri) output.info(`(or open ${prompt.url} directly)`);
  } else {
    output.info(
      prompt.openingBrowser
        ? "Opening the sign-in page in your browser. If it does not open, open this URL on this computer:"
        : "To sign in, open this URL in a browser on this computer:",
    );
    output.info(`  ${bold(prompt.url)}`);
  }
}
