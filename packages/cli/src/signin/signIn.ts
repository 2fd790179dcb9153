import type { LoginOptions, LoginPrompt, LoginResult } from "@sso-kit/login";
import { escapeControlCharacters } from "@sso-kit/token-provider/internal";
import type { Output } from "../output/Output.js";
import { startProgress } from "../output/startProgress.js";
import type { CliContext } from "../program/CliContext.js";

/** What to sign in to and how: `login`'s options without those the CLI context supplies. */
export type SignInOptions = Omit<LoginOptions, "prompt" | "signal" | "logger">;

/**
 * Signs in through `@sso-kit/login` as `sso-kit login` does: the sign-in URL (and code) on stderr, then a
 * progress line while it waits for the user's approval. Every command that signs in goes through here.
 */
export async function signIn(options: SignInOptions, context: CliContext): Promise<LoginResult> {
  const { output, logger, signal } = context;
  let stopProgress: (() => void) | undefined;
  try {
    // Loaded when run: the sign-in's SDK client is not for the commands that start often (credential-process).
    const { login } = await import("@sso-kit/login");
    return await login({
      ...options,
      prompt: (prompt) => {
        showPrompt(output, prompt);
        stopProgress = startProgress(output, "Waiting for you to approve the sign-in", prompt.expiresAt);
      },
      signal,
      logger,
    });
  } finally {
    stopProgress?.();
  }
}

/** The sign-in URL and code: checked by the sign-in when the service sent them, and escaped here too. */
function showPrompt(output: Output, shown: LoginPrompt): void {
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
