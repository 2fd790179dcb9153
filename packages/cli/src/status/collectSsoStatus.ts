import type { Logger } from "@smithy/types";
import type { SsoTokenFile } from "@sso-kit/token-provider/internal";
import {
  loadSharedConfig,
  resolveSsoProfile,
  resolveSsoSession,
  SsoTokenCache,
} from "@sso-kit/token-provider/internal";

/** The sign-in state of one SSO session of the config file. Never holds a token or secret. */
export interface SsoSessionStatus {
  /** `sso-session`: an `[sso-session <name>]` section; `legacy`: a start URL set on profiles (no refresh). */
  readonly kind: "sso-session" | "legacy";
  /** The sso-session name; for a legacy session, its start URL (the token cache key in both cases). */
  readonly name: string;
  /** `sso_start_url`. */
  readonly startUrl: string;
  /** `sso_region`. */
  readonly region: string;
  /** A token file is there and its access token has not expired. */
  readonly signedIn: boolean;
  /** When the cached access token expires (RFC 3339), or `null` without a usable token file. */
  readonly expiresAt: string | null;
  /**
   * The token can be refreshed without a sign-in: an sso-session token with a refresh token and client, whose
   * client registration has not expired (sso-kit, like the AWS CLI, never refreshes legacy tokens).
   */
  readonly canRefresh: boolean;
  /** When the client registration expires (RFC 3339), when the token file says. */
  readonly registrationExpiresAt: string | null;
  /** The profiles that use this session, sorted. */
  readonly profiles: string[];
  /** Why the token file could not be used (it was left as it is), when it could not. */
  readonly tokenProblem?: string;
}

/** A profile of `aws login` (AWS CLI 2.32+): console credentials, not IAM Identity Center. */
export interface LoginSessionProfile {
  /** The profile's name. */
  readonly profile: string;
  /** Its `login_session` value (the signed-in identity's ARN, not a secret). */
  readonly loginSession: string;
}

/** What {@link collectSsoStatus} found. */
export interface SsoStatus {
  /** The config file read. */
  readonly configFile: string;
  /** Every SSO session of the config: sso-session sections first (by name), then legacy start URLs. */
  readonly sessions: SsoSessionStatus[];
  /** Profiles using `aws login` console credentials, sorted. */
  readonly loginSessions: LoginSessionProfile[];
  /** What is wrong with the config (one sentence each, naming the file); empty when nothing is. */
  readonly problems: string[];
}

/** Options of {@link collectSsoStatus}. */
export interface CollectSsoStatusOptions {
  /** The token cache to read [`~/.aws/sso/cache`]. */
  readonly cache?: SsoTokenCache;
  /** Receives debug lines. */
  readonly logger?: Logger;
  /** The time to judge expiry by [now]. */
  readonly now?: Date;
}

const SSO_KEYS = ["sso_session", "sso_start_url", "sso_region", "sso_account_id", "sso_role_name"];

/**
 * Every SSO session of the shared config (its `[sso-session]` sections and the start URLs of legacy profiles),
 * with the profiles using each and whether its cached token is valid or refreshable. Config sections and profiles
 * are validated by the token provider's own resolution, so a problem reads as it would when getting credentials;
 * token files are read through the one cache store, with its file checks.
 */
export async function collectSsoStatus(options: CollectSsoStatusOptions = {}): Promise<SsoStatus> {
  const { logger } = options;
  const now = (options.now ?? new Date()).getTime();
  const cache = options.cache ?? new SsoTokenCache(logger ? { logger } : {});
  const config = await loadSharedConfig({ ignoreCache: true });
  const problems: string[] = [];
  const sessions = new Map<
    string,
    { kind: "sso-session" | "legacy"; startUrl: string; region: string; profiles: string[] }
  >();

  for (const name of [...config.ssoSessions.keys()].sort()) {
    try {
      const session = await resolveSsoSession(name);
      sessions.set(`s:${name}`, {
        kind: "sso-session",
        startUrl: session.startUrl,
        region: session.region,
        profiles: [],
      });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const loginSessions: LoginSessionProfile[] = [];
  const legacy = new Map<string, { kind: "legacy"; startUrl: string; region: string; profiles: string[] }>();
  for (const [profileName, section] of [...config.profiles].sort(([a], [b]) => a.localeCompare(b))) {
    const loginSession = section.login_session;
    if (loginSession !== undefined && loginSession !== "") {
      loginSessions.push({ profile: profileName, loginSession });
      continue;
    }
    if (!SSO_KEYS.some((key) => section[key] !== undefined && section[key] !== "")) continue;
    try {
      const profile = await resolveSsoProfile({ profile: profileName });
      if (profile.kind === "sso-session") {
        sessions.get(`s:${profile.session.name}`)?.profiles.push(profileName);
      } else {
        const entry = legacy.get(profile.startUrl) ?? {
          kind: "legacy" as const,
          startUrl: profile.startUrl,
          region: profile.region,
          profiles: [],
        };
        entry.profiles.push(profileName);
        legacy.set(profile.startUrl, entry);
      }
    } catch (error) {
      const message = (error as Error).message;
      if (!problems.includes(message)) problems.push(message);
    }
  }
  for (const [startUrl, entry] of [...legacy].sort(([a], [b]) => a.localeCompare(b)))
    sessions.set(`l:${startUrl}`, entry);

  const statuses: SsoSessionStatus[] = [];
  for (const [id, entry] of sessions) {
    const name = id.slice(2);
    let token: SsoTokenFile | undefined;
    let tokenProblem: string | undefined;
    try {
      token = await cache.readToken(name, {
        keyKind: entry.kind === "legacy" ? "startUrl" : "sessionName",
        ...(entry.profiles[0] !== undefined && { profileName: entry.profiles[0] }),
      });
    } catch (error) {
      tokenProblem = (error as Error).message;
    }
    const registrationExpiresAt = token?.registrationExpiresAt ?? null;
    statuses.push({
      kind: entry.kind,
      name,
      startUrl: entry.startUrl,
      region: entry.region,
      signedIn: token !== undefined && Date.parse(token.expiresAt) > now,
      expiresAt: token?.expiresAt ?? null,
      canRefresh:
        entry.kind === "sso-session" &&
        token !== undefined &&
        !!token.refreshToken &&
        !!token.clientId &&
        !!token.clientSecret &&
        (registrationExpiresAt === null || Date.parse(registrationExpiresAt) > now),
      registrationExpiresAt,
      profiles: entry.profiles,
      ...(tokenProblem !== undefined && { tokenProblem }),
    });
  }
  return { configFile: config.configFilepath, sessions: statuses, loginSessions, problems };
}
