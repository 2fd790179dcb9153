import { createHash, timingSafeEqual } from "node:crypto";

const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Whether `codeVerifier` is a valid RFC 7636 verifier whose S256 challenge is `codeChallenge`. */
export const verifyPkce = (codeVerifier: string, codeChallenge: string): boolean => {
  if (!VERIFIER_PATTERN.test(codeVerifier)) return false;
  const computed = Buffer.from(createHash("sha256").update(codeVerifier, "ascii").digest("base64url"));
  const expected = Buffer.from(codeChallenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
};
