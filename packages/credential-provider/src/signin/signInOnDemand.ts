import type { LoginOptions } from "@sso-kit/login";
import { resolveRoleChain } from "../config/resolveRoleChain.js";
import type { RoleTarget } from "../config/RoleTarget.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import type { FromSSOInit, InheritedClientConfig } from "../FromSSOInit.js";
import { loadLoginModule } from "./loadLoginModule.js";

const LOG = "@sso-kit/credential-provider -";

/**
 * Runs `attempt`; with `init.login`, when it fails because the session ended (no usable token: `reason`
 * `Token`, or a token the portal refused: `Unauthorized`), signs in through `@sso-kit/login` and runs it once
 * more. The sign-in is the machine's one sign-in for the session: when another process is already signing in,
 * this one waits for it and uses its token (a token written after `attempt` started counts), so a burst of
 * processes on an ended session asks the user once. Without `init.login` it is `attempt()` itself: nothing
 * loads, no browser ever opens.
 *
 * @throws what `attempt` throws; when the sign-in itself fails, an `SsoCredentialsProviderError` (`reason`
 *   `Token`) saying why, with the sign-in command of the original error.
 */
export const signInOnDemand = <T>(
  init: FromSSOInit,
  attempt: () => Promise<T>,
  caller?: InheritedClientConfig,
): Promise<T> => {
  if (init.login === undefined || init.login === false) return attempt();
  const startedAt = new Date();
  return attempt().catch(async (error: unknown) => {
    if (!(error instanceof SsoCredentialsProviderError) || !SIGN_IN_REASONS.has(error.reason)) throw error;
    await signIn(init, caller, startedAt, error);
    return attempt();
  });
};

const SIGN_IN_REASONS: ReadonlySet<string> = new Set(["Token", "Unauthorized"]);

const signIn = async (
  init: FromSSOInit,
  caller: InheritedClientConfig | undefined,
  startedAt: Date,
  ended: SsoCredentialsProviderError,
): Promise<void> => {
  const { logger } = init;
  const { base } = await resolveRoleChain(init, caller);
  const { login, platformBrowserOpener } = await loadLoginModule();
  const chosen = typeof init.login === "object" ? init.login : {};
  // PKCE needs a browser on this machine; without one, the device code (shown on standard error) works anywhere.
  const browser = chosen.openBrowser ?? true;
  const headless = browser === false || (browser === true && platformBrowserOpener() === undefined);
  const options: LoginOptions = {
    ...chosen,
    ...targetOf(base),
    ...(chosen.flow === undefined && headless && { flow: "device" }),
    ...(init.filepath !== undefined && { filepath: init.filepath }),
    ...(init.configFilepath !== undefined && { configFilepath: init.configFilepath }),
    ...(init.clientConfig?.requestHandler !== undefined && {
      clientConfig: { requestHandler: init.clientConfig.requestHandler },
    }),
    reuseTokenSince: startedAt,
    ...(logger !== undefined && { logger }),
  };
  logger?.info?.(`${LOG} the SSO session has ended (${ended.reason}); signing in`);
  try {
    await login(options);
  } catch (error) {
    throw new SsoCredentialsProviderError(
      `${ended.message} Signing in on demand failed: ${(error as Error).message}`,
      { reason: "Token", signInCommand: ended.signInCommand, cause: error, logger },
    );
  }
};

/** What `login` signs in to: the profile the target was read from, else its sso-session. */
const targetOf = (base: RoleTarget): Pick<LoginOptions, "profile" | "ssoSession"> => {
  if (base.fromProfile && base.profileName !== undefined) return { profile: base.profileName };
  return base.kind === "sso-session" ? { ssoSession: base.session.name } : {};
};
