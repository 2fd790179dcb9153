import { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import {
  boundedRequestHandler,
  configuredEndpoint,
  describeError,
  formatTimestamp,
  loadSharedConfig,
  SsoTokenCache,
  type SsoTokenFile,
} from "@sso-kit/token-provider/internal";

import { hostname } from "node:os";

import { runAuthorizationCodeFlow } from "./authorization-code/runAuthorizationCodeFlow.js";
import { platformBrowserOpener, type BrowserOpener } from "./browser/platformBrowserOpener.js";
import { runDeviceCodeFlow } from "./device-code/runDeviceCodeFlow.js";
import { readTokenWrittenSince } from "./lock/readTokenWrittenSince.js";
import { LoginError } from "./LoginError.js";
import type { LoginOptions, LoginPrompt, LoginResult } from "./LoginOptions.js";
import type { IssuedToken } from "./oidc/parseIssuedToken.js";
import { abortedError } from "./oidc/toLoginError.js";
import { writePromptToStderr } from "./prompt/writePromptToStderr.js";
import { writeWaitToStderr } from "./prompt/writeWaitToStderr.js";
import {
  DEFAULT_PKCE_SCOPES,
  getClientRegistration,
  type ClientRegistration,
} from "./registration/getClientRegistration.js";
import { resolveLoginTarget, type LoginTarget } from "./target/resolveLoginTarget.js";
import { describeDuration } from "./wait/describeDuration.js";

/** How long a login waits for the user's approval unless told otherwise (the AWS CLI's 10 minutes). */
export const DEFAULT_LOGIN_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Signs in to IAM Identity Center and stores the token where the AWS CLI and SDKs look for it.
 *
 * Resolves the profile or sso-session, gets a client registration (the cached one while it has 15 minutes
 * left and was made for the same flow, else a new one), runs the flow (authorization code with PKCE for a
 * session, device authorization for a legacy profile or on request), and writes the token file
 * `~/.aws/sso/cache/<sha1(session name or start URL)>.json` in the AWS CLI's format, atomically and under
 * the cache lock of `@sso-kit/token-provider`.
 *
 * One sign-in per session runs at a time on the machine: a login finding another one under way (in any process)
 * waits for it, telling `onWait`, then uses the token it wrote instead of asking the user again (see
 * `reuseTokenSince`; `alreadySignedIn` in the result). Otherwise a login always gets a new token. A sign-in whose
 * process died is taken over at once; the whole wait is bounded by `timeoutMs`.
 *
 * @returns what was signed in to; never the token itself.
 * @throws LoginError with a `code` and a one-line message saying what to do.
 */
export async function login(options: LoginOptions = {}): Promise<LoginResult> {
  const { signal, logger } = options;
  if (signal?.aborted) throw abortedError(signal.reason);
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new LoginError("InvalidConfig", "the timeoutMs option must be a positive number of milliseconds");
  }
  const startedAt = Date.now();
  const target = await resolveLoginTarget(options);
  const cache = new SsoTokenCache({ ...(logger !== undefined && { logger }) });
  const session = target.sessionName ?? target.startUrl;
  const onWait = options.onWait ?? writeWaitToStderr;
  let locked = false;
  try {
    // One sign-in per session on the machine: the others wait here, then find the token it wrote.
    return await cache.withSignInLock(
      target.tokenKey,
      async () => {
        locked = true;
        const written = await readTokenWrittenSince(
          cache,
          target,
          options.reuseTokenSince ?? new Date(startedAt),
        );
        if (written !== undefined) {
          logger?.info?.(`sso-kit login: another sign-in to ${session} finished meanwhile; using its token`);
          return resultOf(target, cache, { expiresAt: written.expiresAt, alreadySignedIn: true });
        }
        // The wait counted against the timeout: the whole login ends when it says.
        return await signIn(options, target, cache, startedAt + timeoutMs - Date.now());
      },
      {
        acquireTimeoutMs: timeoutMs,
        ...(signal !== undefined && { signal }),
        onWait: (holder) =>
          onWait({
            session,
            ...(holder !== undefined && { pid: holder.pid, hostname: holder.hostname }),
            message: `sso-kit: another sign-in for session ${session} is in progress${
              holder === undefined
                ? ""
                : ` (pid ${holder.pid}${holder.hostname === hostname() ? "" : ` on ${holder.hostname}`})`
            }; waiting for it to finish`,
          }),
      },
    );
  } catch (error) {
    throw locked ? error : toSignInLockError(error, cache, session, timeoutMs, signal);
  }
}

/** Runs the flow and saves its token: the part of a login that asks the user, done holding the sign-in lock. */
async function signIn(
  options: LoginOptions,
  target: LoginTarget,
  cache: SsoTokenCache,
  timeoutMs: number,
): Promise<LoginResult> {
  const { signal, logger } = options;
  if (timeoutMs <= 0) {
    throw new LoginError("Timeout", `no sign-in finished within the allowed time; start the login again`);
  }
  const profile = options.clientConfig?.profile ?? target.profileName;
  const endpoint =
    profile === undefined || options.clientConfig?.endpoint !== undefined
      ? undefined
      : await configuredEndpoint(
          // The files the target was resolved from, as just read (no second reading).
          await loadSharedConfig({ filepath: options.filepath, configFilepath: options.configFilepath }),
          profile,
          "sso_oidc",
        ).catch((error: unknown) => {
          // A `services` setting naming no section: the configuration is wrong, and the message says where.
          throw new LoginError("InvalidConfig", error instanceof Error ? error.message : String(error), {
            cause: error,
          });
        });
  const oidc = new SSOOIDCClient({
    // The profile signed in for gives the client its settings (`use_fips_endpoint`...) and its endpoint, as in
    // the AWS CLI.
    ...(profile !== undefined && { profile }),
    ...endpoint,
    ...options.clientConfig,
    // Every attempt bounded (deadline, reply cap), on the caller's own handler when they bring one.
    requestHandler: boundedRequestHandler(options.clientConfig?.requestHandler),
    region: target.region,
  });
  const openBrowser = browserOpener(options.openBrowser);
  let prompted = false;
  const prompt = async (shown: LoginPrompt): Promise<void> => {
    prompted = true;
    await (options.prompt ?? writePromptToStderr)(shown);
  };
  const registrationOptions = {
    cache,
    oidc,
    startUrl: target.startUrl,
    region: target.region,
    flow: target.flow,
    ...(target.sessionName !== undefined && { sessionName: target.sessionName }),
    ...(target.scopes !== undefined && { scopes: target.scopes }),
    ...(signal !== undefined && { signal }),
    ...(logger !== undefined && { logger }),
  };
  const runFlow = (
    client: ClientRegistration,
    formerSecrets: readonly string[] = [],
  ): Promise<IssuedToken> => {
    const common = {
      oidc,
      client,
      prompt,
      timeoutMs,
      formerSecrets,
      ...(openBrowser !== undefined && { openBrowser }),
      ...(signal !== undefined && { signal }),
      ...(logger !== undefined && { logger }),
    };
    return target.flow === "pkce"
      ? runAuthorizationCodeFlow({ ...common, scopes: target.scopes ?? DEFAULT_PKCE_SCOPES })
      : runDeviceCodeFlow({ ...common, startUrl: target.startUrl });
  };

  try {
    let registration = await getClientRegistration(registrationOptions);
    let token: IssuedToken;
    try {
      token = await runFlow(registration);
    } catch (error) {
      // A cached client the service no longer knows (deleted, or the file copied from elsewhere) is replaced
      // once, as long as the user has not been prompted yet: afterwards a retry would prompt twice.
      if (!registration.reused || prompted || !isInvalidClient(error)) throw error;
      logger?.info?.("sso-kit login: the cached client registration was rejected; registering again");
      const rejected = registration;
      registration = await getClientRegistration({ ...registrationOptions, forceNew: true });
      token = await runFlow(registration, [rejected.clientSecret]);
    }
    return await saveToken(cache, target, registration, token, logger);
  } finally {
    oidc.destroy();
  }
}

async function saveToken(
  cache: SsoTokenCache,
  target: LoginTarget,
  registration: ClientRegistration,
  token: IssuedToken,
  logger: LoginOptions["logger"],
): Promise<LoginResult> {
  const expiresAt = formatTimestamp(Date.now() + token.expiresIn * 1000);
  // Field order as the AWS CLI writes it.
  const file: SsoTokenFile = {
    startUrl: target.startUrl,
    region: target.region,
    accessToken: token.accessToken,
    expiresAt,
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: formatTimestamp(registration.expiresAt),
    ...(token.refreshToken !== undefined && { refreshToken: token.refreshToken }),
  };
  const key = target.tokenKey;
  const tokenFile = cache.tokenPath(key);
  try {
    await cache.withLock(key, () => cache.writeToken(key, file));
  } catch (error) {
    const reason = describeError(error, [token.accessToken, token.refreshToken, registration.clientSecret]);
    throw new LoginError(
      "CacheError",
      `signed in, but the token could not be saved in ${tokenFile} (${reason}); make sure the directory is writable, then start the login again`,
      { cause: error },
    );
  }
  logger?.info?.(
    `sso-kit login: signed in to ${target.sessionName ?? target.startUrl}; the token expires at ${expiresAt}`,
  );
  return resultOf(target, cache, {
    expiresAt,
    alreadySignedIn: false,
    registrationReused: registration.reused,
  });
}

function resultOf(
  target: LoginTarget,
  cache: SsoTokenCache,
  outcome: { expiresAt: string; alreadySignedIn: boolean; registrationReused?: boolean },
): LoginResult {
  return {
    flow: target.flow,
    ...(target.profileName !== undefined && { profileName: target.profileName }),
    ...(target.sessionName !== undefined && { sessionName: target.sessionName }),
    startUrl: target.startUrl,
    region: target.region,
    expiresAt: new Date(outcome.expiresAt),
    alreadySignedIn: outcome.alreadySignedIn,
    // A token another sign-in wrote: this call registered no client.
    registrationReused: outcome.registrationReused ?? true,
    tokenFile: cache.tokenPath(target.tokenKey),
  };
}

/**
 * What the sign-in lock's wait threw, as a `LoginError`: the caller's abort; a wait past the timeout for another
 * sign-in that did not finish; a directory where the lock file belongs; a cache directory that cannot be made.
 */
function toSignInLockError(
  error: unknown,
  cache: SsoTokenCache,
  session: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): unknown {
  if (error instanceof LoginError) return error;
  if (signal?.aborted === true) return abortedError(signal.reason);
  const reason = (error as { reason?: unknown } | undefined)?.reason;
  if (reason === "ServiceUnavailable") {
    return new LoginError(
      "Timeout",
      `another sign-in for session ${session} did not finish within ${describeDuration(timeoutMs)}; start the login again`,
      { cause: error },
    );
  }
  if (reason === "Misconfigured") {
    return new LoginError("CacheError", (error as Error).message, { cause: error });
  }
  const { code } = error as NodeJS.ErrnoException;
  if (typeof code === "string") {
    return new LoginError(
      "CacheError",
      `the SSO token cache directory ${cache.directory} cannot be used (${describeError(error, [])}); make sure it is a writable directory, then start the login again`,
      { cause: error },
    );
  }
  return error;
}

function browserOpener(option: LoginOptions["openBrowser"]): BrowserOpener | undefined {
  if (typeof option === "function") return option;
  return option === false ? undefined : platformBrowserOpener();
}

function isInvalidClient(error: unknown): boolean {
  return (
    error instanceof LoginError &&
    (error.cause as { name?: unknown } | undefined)?.name === "InvalidClientException"
  );
}
