import { randomInt } from "node:crypto";

/** The RFC 7636 "unreserved" characters a code verifier is made of. */
const UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

/** Length the AWS CLI uses; RFC 7636 allows 43 to 128. */
const VERIFIER_LENGTH = 64;

/**
 * A fresh PKCE code verifier (RFC 7636 §4.1): 64 characters drawn uniformly from `[A-Za-z0-9-._~]` with a
 * cryptographically secure generator (`crypto.randomInt` avoids the modulo bias of mapping random bytes).
 */
export function createCodeVerifier(): string {
  let verifier = "";
  for (let i = 0; i < VERIFIER_LENGTH; i++) verifier += UNRESERVED[randomInt(UNRESERVED.length)];
  return verifier;
}
