import type { Logger } from "@smithy/types";
import {
  resolveSsoProfile,
  resolveSsoSession,
  type SsoProfile,
  type SsoSession,
} from "@sso-kit/token-provider/internal";

import { LoginError } from "../LoginError.js";
import type { LoginFlow } from "../LoginOptions.js";

/** What a login signs in to, resolved from the config file. */
export interface LoginTarget {
  /** The profile it was resolved from; absent when an sso-session was named directly. */
  profileName?: string;
  /** The sso-session; absent for a legacy profile. */
  sessionName?: string;
  /** The configured start URL. */
  startUrl: string;
  /** The SSO region. */
  region: string;
  /** Registration scopes: the `scopes` option, else `sso_registration_scopes`; absent when neither is set. */
  scopes?: string[];
  /** The flow to run. */
  flow: LoginFlow;
  /** The token cache key: the sso-session name, or the start URL for a legacy profile. */
  tokenKey: string;
}

/** The options {@link resolveLoginTarget} reads. */
export interface LoginTargetOptions {
  /** Profile name (see `LoginOptions.profile`). */
  profile?: string;
  /** sso-session name (see `LoginOptions.ssoSession`). */
  ssoSession?: string;
  /** Requested flow. */
  flow?: LoginFlow;
  /** Scopes overriding the configured ones. */
  scopes?: string[];
  /** Shared credentials file. */
  filepath?: string;
  /** Shared config file. */
  configFilepath?: string;
  /** Receives resolution failures at debug level. */
  logger?: Logger;
}

/**
 * Resolves the sso-session or profile through `@sso-kit/token-provider` (the one config reader; files are
 * read afresh, as a login is rare and the user may just have edited them) and picks the flow: `pkce` for a
 * session unless `device` is asked for, always `device` for a legacy profile.
 *
 * @throws LoginError `InvalidConfig`
 */
export async function resolveLoginTarget(options: LoginTargetOptions): Promise<LoginTarget> {
  if (options.flow !== undefined && options.flow !== "pkce" && options.flow !== "device") {
    throw new LoginError(
      "InvalidConfig",
      `unknown login flow '${String(options.flow)}': use 'pkce' or 'device'`,
    );
  }
  if (options.scopes !== undefined && !isScopeList(options.scopes)) {
    throw new LoginError(
      "InvalidConfig",
      "the scopes option must be a list of non-empty strings without spaces",
    );
  }
  const init = {
    ...(options.filepath !== undefined && { filepath: options.filepath }),
    ...(options.configFilepath !== undefined && { configFilepath: options.configFilepath }),
    ...(options.logger !== undefined && { logger: options.logger }),
    ignoreCache: true,
  };
  let session: SsoSession | undefined;
  let profile: SsoProfile | undefined;
  try {
    if (options.ssoSession !== undefined) session = await resolveSsoSession(options.ssoSession, init);
    else
      profile = await resolveSsoProfile({
        ...init,
        ...(options.profile !== undefined && { profile: options.profile }),
      });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new LoginError("InvalidConfig", message, { cause: error });
  }
  if (profile?.kind === "sso-session") session = profile.session;

  const startUrl = session?.startUrl ?? (profile?.kind === "legacy" ? profile.startUrl : "");
  const region = session?.region ?? (profile?.kind === "legacy" ? profile.region : "");
  const where = session ? `sso-session '${session.name}'` : `profile '${profile?.profileName}'`;
  if (!isHttpsUrl(startUrl)) {
    throw new LoginError(
      "InvalidConfig",
      `the sso_start_url of ${where} must be an https URL; fix it in the config file`,
    );
  }
  if (!session && options.flow === "pkce") {
    throw new LoginError(
      "InvalidConfig",
      `${where} has no sso_session, and the pkce flow needs one: use the device flow, or add 'sso_session = <name>' and an [sso-session <name>] section`,
    );
  }
  const scopes = options.scopes ?? session?.registrationScopes;
  return {
    ...(profile && { profileName: profile.profileName }),
    ...(session && { sessionName: session.name }),
    startUrl,
    region,
    ...(scopes !== undefined && { scopes }),
    flow: session ? (options.flow ?? "pkce") : "device",
    tokenKey: session ? session.name : startUrl,
  };
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === "https:";
  } catch {
    return false;
  }
}

function isScopeList(scopes: unknown): scopes is string[] {
  return Array.isArray(scopes) && scopes.every((s) => typeof s === "string" && /^\S+$/.test(s));
}
