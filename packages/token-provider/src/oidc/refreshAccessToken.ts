import type { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { loadOidcClientModule } from "./loadOidcClientModule.js";
import { OidcCallError } from "./OidcCallError.js";
import { parseCreateTokenReply, type CreateTokenReply } from "./parseCreateTokenReply.js";
import { toOidcCallError } from "./toOidcCallError.js";

/** What the refresh needs from the cached token. */
export interface RefreshTokenGrant {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** A validated `CreateToken` reply (see {@link parseCreateTokenReply}). */
export type RefreshedToken = CreateTokenReply;

/** A refresh that does not answer within this is abandoned, so the cross-process lock is never held for long. */
const REFRESH_TIMEOUT_MS = 15_000;

const OPERATION = "CreateToken";

/**
 * Exchanges a refresh token for a new access token with SSO-OIDC `CreateToken` (`grantType: "refresh_token"`).
 * The reply is validated ({@link parseCreateTokenReply}) before the caller writes anything.
 *
 * @throws OidcCallError: which of three things happened (the refresh was rejected, the service failed or sent a
 *   reply that cannot be used, the endpoint is not SSO-OIDC), naming `CreateToken`, the HTTP status and the URL.
 */
export const refreshAccessToken = async (
  client: SSOOIDCClient,
  grant: RefreshTokenGrant,
): Promise<RefreshedToken> => {
  const { CreateTokenCommand } = await loadOidcClientModule();
  const command = new CreateTokenCommand({
    grantType: "refresh_token",
    clientId: grant.clientId,
    clientSecret: grant.clientSecret,
    refreshToken: grant.refreshToken,
  });
  // Where the request went, for messages about an endpoint that is not SSO-OIDC: the endpoint is resolved
  // inside the client (region, AWS_ENDPOINT_URL_SSO_OIDC, clientConfig.endpoint).
  let url: string | undefined;
  command.middlewareStack.add(
    (next) => (args) => {
      url = requestUrl(args.request) ?? url;
      return next(args);
    },
    { step: "finalizeRequest", name: "ssoKitRequestUrl", override: true },
  );
  const signal = AbortSignal.timeout(REFRESH_TIMEOUT_MS);
  const secrets = [grant.refreshToken, grant.clientSecret];
  let reply;
  try {
    reply = await client.send(command, { abortSignal: signal });
  } catch (error) {
    throw toOidcCallError(error, {
      operation: OPERATION,
      url,
      secrets,
      ...(signal.aborted && { timedOutAfterMs: REFRESH_TIMEOUT_MS }),
    });
  }
  const parsed = parseCreateTokenReply(reply);
  if ("problem" in parsed) {
    const status = reply.$metadata.httpStatusCode;
    throw new OidcCallError(
      `SSO-OIDC ${OPERATION} answered HTTP ${status ?? 200} with a reply that cannot be used: ${parsed.problem}`,
      {
        reason: "ServiceUnavailable",
        operation: OPERATION,
        status: status ?? 200,
        ...(url !== undefined && { url }),
      },
    );
  }
  return parsed;
};

/** `https://host[:port]/path` of an outgoing HTTP request, without its query. */
const requestUrl = (request: unknown): string | undefined => {
  if (typeof request !== "object" || request === null) return undefined;
  const { protocol, hostname, port, path } = request as Record<string, unknown>;
  if (typeof protocol !== "string" || typeof hostname !== "string") return undefined;
  const portPart = typeof port === "number" ? `:${port}` : "";
  return `${protocol.replace(/:?$/, ":")}//${hostname}${portPart}${typeof path === "string" ? path : ""}`;
};
