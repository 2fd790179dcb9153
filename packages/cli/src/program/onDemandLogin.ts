import type { FromSSOLoginOptions } from "@sso-kit/credential-provider";
import { showSignInPrompt } from "../output/showSignInPrompt.js";
import type { CliContext } from "./CliContext.js";

/** Turns sign-in on demand on for every run of the commands that hand out credentials, like their `--login`. */
export const AUTO_LOGIN_VARIABLE = "SSO_KIT_AUTO_LOGIN";

/** The help line of `--login`. */
export const LOGIN_OPTION_HELP = `when the SSO session has ended, sign in (browser, else a device code on stderr) and go on; one sign-in per session runs at a time, the others wait for it [${AUTO_LOGIN_VARIABLE}=true]`;

/**
 * `fromSSO`'s `login` option for a command run with `--login` or `SSO_KIT_AUTO_LOGIN=true`: the sign-in's URL,
 * code and waits are shown on standard error (standard output is the command's data: `credential-process`
 * JSON, `export` lines), and Ctrl-C ends it. `false` otherwise: an ended session fails at once (exit 3), and no
 * browser ever opens.
 */
export function onDemandLogin(
  flag: boolean | undefined,
  context: Pick<CliContext, "output" | "signal">,
  env: NodeJS.ProcessEnv = process.env,
): FromSSOLoginOptions | false {
  if (flag !== true && env[AUTO_LOGIN_VARIABLE]?.trim().toLowerCase() !== "true") return false;
  const { output, signal } = context;
  return {
    prompt: (prompt) => showSignInPrompt(output, prompt),
    onWait: (wait) => output.info(wait.message),
    signal,
  };
}
