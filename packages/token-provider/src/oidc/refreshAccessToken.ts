import type { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

/** What the refresh needs from the cached token. */
export interface RefreshTokenGrant {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** A validated `CreateToken` reply. */
export interface RefreshedToken {
  accessToken: string;
  /** Lifetime in seconds, > 0. */
  expiresIn: number;
  /** Present when the service rotated the refresh token. */
  refreshToken?: string;
}

/** `CreateToken` answered 200 with a reply that cannot be used. */
export class InvalidRefreshResponseError extends Error {
  override name = "InvalidRefreshResponse";
}

/** A refresh that does not answer within this is abandoned, so the cross-process lock is never held for long. */
const REFRESH_TIMEOUT_MS = 15_000;

/**
 * Exchanges a refresh token for a new access token with SSO-OIDC `CreateToken` (`grantType: "refresh_token"`).
 *
 * @throws the SDK's service exception (e.g. `InvalidGrantException`), or {@link InvalidRefreshResponseError}.
 */
export const refreshAccessToken = async (
  client: SSOOIDCClient,
  grant: RefreshTokenGrant,
): Promise<RefreshedToken> => {
  const { CreateTokenCommand } = await import("@aws-sdk/client-sso-oidc");
  const reply = await client.send(
    new CreateTokenCommand({
      grantType: "refresh_token",
      clientId: grant.clientId,
      clientSecret: grant.clientSecret,
      refreshToken: grant.refreshToken,
    }),
    { abortSignal: AbortSignal.timeout(REFRESH_TIMEOUT_MS) },
  );
  const { accessToken, expiresIn, refreshToken } = reply as unknown as Record<string, unknown>;
  if (typeof accessToken !== "string" || accessToken === "") {
    throw new InvalidRefreshResponseError("CreateToken returned no accessToken");
  }
  if (typeof expiresIn !== "number" || !Number.isFinite(expiresIn)) {
    throw new InvalidRefreshResponseError("CreateToken returned no expiresIn");
  }
  if (expiresIn <= 0) {
    throw new InvalidRefreshResponseError(
      `CreateToken returned a token that is already expired (expiresIn ${expiresIn})`,
    );
  }
  if (
    refreshToken !== undefined &&
    refreshToken !== null &&
    (typeof refreshToken !== "string" || refreshToken === "")
  ) {
    throw new InvalidRefreshResponseError("CreateToken returned a refreshToken that is not a string");
  }
  return {
    accessToken,
    expiresIn,
    ...(typeof refreshToken === "string" && { refreshToken }),
  };
};
