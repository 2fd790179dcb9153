import type { CreateTokenCommandOutput } from "@aws-sdk/client-sso-oidc";
import { parseCreateTokenReply } from "@sso-kit/token-provider/internal";

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

/**
 * Checks a CreateToken reply instead of trusting it, with the token provider's validator (the same limits its
 * refresh applies): a token without a sane lifetime, or too large for the cache file its reader accepts, would
 * leave a cache that no later read can use.
 */
export function parseIssuedToken(
  output: Pick<CreateTokenCommandOutput, "accessToken" | "expiresIn" | "refreshToken">,
): IssuedToken {
  const parsed = parseCreateTokenReply(output);
  if ("problem" in parsed) {
    throw new LoginError(
      "InvalidResponse",
      `IAM Identity Center's CreateToken reply has ${parsed.problem}; nothing was saved: start the login again`,
    );
  }
  return parsed;
}
