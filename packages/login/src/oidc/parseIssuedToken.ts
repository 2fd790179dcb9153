import type { CreateTokenCommandOutput } from "@aws-sdk/client-sso-oidc";

import { LoginError } from "../LoginError.js";

/** The parts of a CreateToken reply a login keeps. */
export interface IssuedToken {
  /** The bearer token for the SSO portal. */
  accessToken: string;
  /** Lifetime of the access token, in seconds. */
  expiresIn: number;
  /** The refresh token, when the service issued one (PKCE flow). */
  refreshToken?: string;
}

/** Checks a CreateToken reply instead of trusting it: a token without a lifetime is useless in the cache. */
export function parseIssuedToken(
  output: Pick<CreateTokenCommandOutput, "accessToken" | "expiresIn" | "refreshToken">,
): IssuedToken {
  const { accessToken, expiresIn, refreshToken } = output;
  if (typeof accessToken !== "string" || accessToken === "") {
    throw new LoginError(
      "InvalidResponse",
      "IAM Identity Center's CreateToken reply has no accessToken; start the login again",
    );
  }
  if (typeof expiresIn !== "number" || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw new LoginError(
      "InvalidResponse",
      "IAM Identity Center's CreateToken reply has no valid expiresIn; start the login again",
    );
  }
  const token: IssuedToken = { accessToken, expiresIn };
  if (typeof refreshToken === "string" && refreshToken !== "") token.refreshToken = refreshToken;
  return token;
}
