import { RegisterClientCommand, type SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import type { Logger } from "@smithy/types";
import {
  clientRegistrationCacheKey,
  describeError,
  formatTimestamp,
  type SsoClientRegistration,
  type SsoTokenCache,
} from "@sso-kit/token-provider/internal";

import { LoginError } from "../LoginError.js";
import type { LoginFlow } from "../LoginOptions.js";
import { toLoginError } from "../oidc/toLoginError.js";

/** A registration is reused only while it has at least this long left (as the AWS CLI does). */
export const REGISTRATION_REUSE_MARGIN_MS = 15 * 60 * 1000;

/** The scope the PKCE flow asks for when none is configured. */
export const DEFAULT_PKCE_SCOPES = ["sso:account:access"];

/** The grant types (and redirect URI) a client for the PKCE flow is registered with. */
const PKCE_GRANT_TYPES = ["authorization_code", "refresh_token"];
const PKCE_REDIRECT_URIS = ["http://127.0.0.1/oauth/callback"];

/** A usable OIDC client registration. */
export interface ClientRegistration {
  /** The client's id. */
  clientId: string;
  /** The client's secret. */
  clientSecret: string;
  /** When the registration (the secret) expires. */
  expiresAt: Date;
  /** Whether it came from the cache rather than a new RegisterClient call. */
  reused: boolean;
}

/** What {@link getClientRegistration} needs. */
export interface GetClientRegistrationOptions {
  /** The cache store holding the registration file. */
  cache: SsoTokenCache;
  /** The SSO-OIDC client for the session's region. */
  oidc: SSOOIDCClient;
  /** The configured start URL (also the PKCE `issuerUrl`). */
  startUrl: string;
  /** The SSO region. */
  region: string;
  /** The sso-session name; `undefined` for a legacy profile. */
  sessionName?: string;
  /** Configured registration scopes; `undefined` when none are configured. */
  scopes?: string[];
  /** The flow the client is for. */
  flow: LoginFlow;
  /** Skip the cache (used when the cached client was rejected). */
  forceNew?: boolean;
  /** Cancels the RegisterClient call. */
  signal?: AbortSignal;
  /** Progress messages. */
  logger?: Logger;
}

/**
 * The client to sign in with: the cached registration when it was made for the same flow (a PKCE one lists
 * `authorization_code` in `grantTypes`) and has at least 15 minutes left; otherwise a new RegisterClient
 * call, whose result replaces the cache file. The file is the AWS CLI's (same name, same fields), so the two
 * tools share one registration. A cache file that cannot be read or written costs a registration, not the
 * login: it is logged and the login goes on.
 */
export async function getClientRegistration(
  options: GetClientRegistrationOptions,
): Promise<ClientRegistration> {
  const { cache, startUrl, region, sessionName, scopes, flow, logger } = options;
  const key = clientRegistrationCacheKey({
    startUrl,
    region,
    ...(scopes !== undefined && { scopes }),
    ...(sessionName !== undefined && { sessionName }),
  });
  if (!options.forceNew) {
    const cached = await readCached(cache, key, logger);
    if (cached && isReusable(cached, flow)) {
      logger?.debug?.(`sso-kit login: reusing the client registration in ${cache.registrationPath(key)}`);
      return {
        clientId: cached.clientId,
        clientSecret: cached.clientSecret,
        expiresAt: new Date(cached.expiresAt),
        reused: true,
      };
    }
  }

  const registered = await register(options);
  const file: SsoClientRegistration = {
    clientId: registered.clientId,
    clientSecret: registered.clientSecret,
    expiresAt: formatTimestamp(registered.expiresAt),
    ...(registered.scopes !== undefined && { scopes: registered.scopes }),
    ...(flow === "pkce" && { grantTypes: PKCE_GRANT_TYPES }),
  };
  try {
    await cache.writeRegistration(key, file);
    logger?.debug?.(`sso-kit login: registered a client; saved in ${cache.registrationPath(key)}`);
  } catch (error) {
    logger?.warn?.(
      `sso-kit login: could not save the client registration in ${cache.registrationPath(key)} (${describeError(error, [registered.clientSecret])}); the next login registers again`,
    );
  }
  return {
    clientId: registered.clientId,
    clientSecret: registered.clientSecret,
    expiresAt: registered.expiresAt,
    reused: false,
  };
}

async function readCached(
  cache: SsoTokenCache,
  key: string,
  logger: Logger | undefined,
): Promise<SsoClientRegistration | undefined> {
  try {
    return await cache.readRegistration(key);
  } catch (error) {
    logger?.warn?.(
      `sso-kit login: ignoring the cached client registration (${describeError(error, [])}); registering again`,
    );
    return undefined;
  }
}

function isReusable(cached: SsoClientRegistration, flow: LoginFlow): boolean {
  const expiresAt = new Date(cached.expiresAt).getTime();
  if (!(expiresAt - Date.now() >= REGISTRATION_REUSE_MARGIN_MS)) return false;
  const grantTypes = cached.grantTypes;
  const forPkce = Array.isArray(grantTypes) && grantTypes.includes("authorization_code");
  return forPkce === (flow === "pkce");
}

async function register(
  options: GetClientRegistrationOptions,
): Promise<Omit<ClientRegistration, "reused"> & { scopes?: string[] }> {
  const { oidc, startUrl, sessionName, flow, signal } = options;
  const scopes = flow === "pkce" ? (options.scopes ?? DEFAULT_PKCE_SCOPES) : options.scopes;
  const clientName = `sso-kit-client-${sessionName ?? Math.floor(Date.now() / 1000)}`;
  let output;
  try {
    output = await oidc.send(
      new RegisterClientCommand({
        clientName,
        clientType: "public",
        ...(scopes !== undefined && { scopes }),
        ...(flow === "pkce" && {
          grantTypes: PKCE_GRANT_TYPES,
          redirectUris: PKCE_REDIRECT_URIS,
          issuerUrl: startUrl,
        }),
      }),
      { abortSignal: signal },
    );
  } catch (error) {
    // The request holds no secret: the client has none yet.
    throw await toLoginError(error, "RegisterClient", [], oidc);
  }
  const { clientId, clientSecret, clientSecretExpiresAt } = output;
  if (
    typeof clientId !== "string" ||
    !clientId ||
    typeof clientSecret !== "string" ||
    !clientSecret ||
    typeof clientSecretExpiresAt !== "number" ||
    !Number.isFinite(clientSecretExpiresAt)
  ) {
    throw new LoginError(
      "InvalidResponse",
      "IAM Identity Center's RegisterClient reply is incomplete (clientId, clientSecret or clientSecretExpiresAt missing); start the login again",
    );
  }
  return {
    clientId,
    clientSecret,
    expiresAt: new Date(clientSecretExpiresAt * 1000),
    ...(scopes !== undefined && { scopes }),
  };
}
