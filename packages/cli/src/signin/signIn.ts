import type { LoginOptions, LoginResult } from "@sso-kit/login";
import { showSignInPrompt } from "../output/showSignInPrompt.js";
import { startProgress } from "../output/startProgress.js";
import type { CliContext } from "../program/CliContext.js";

/** What to sign in to and how: `login`'s options without those the CLI context supplies. */
export type SignInOptions = Omit<LoginOptions, "prompt" | "onWait" | "signal" | "logger">;

/**
 * Signs in through `@sso-kit/login` as `sso-kit login` does: the sign-in URL (and code) on stderr, then a
 * progress line while it waits for the user's approval; a wait for another sign-in of the session says so.
 * `login` and `configure` sign in through here; the credential commands' `--login` goes through `fromSSO`'s
 * `login` option (see `onDemandLogin`), with the same prompt.
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
        showSignInPrompt(output, prompt);
        stopProgress = startProgress(output, "Waiting for you to approve the sign-in", prompt.expiresAt);
      },
      onWait: (wait) => output.info(wait.message),
      signal,
      logger,
    });
  } finally {
    stopProgress?.();
  }
}
