import { createHash } from "node:crypto";

/**
 * The S256 code challenge for a PKCE verifier (RFC 7636 §4.2): base64url of the SHA-256 of the verifier's
 * ASCII bytes, without padding.
 */
export function createCodeChallenge(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}
