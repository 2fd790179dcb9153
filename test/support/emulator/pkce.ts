import { createHash, randomBytes } from "node:crypto";

/** A fresh PKCE verifier (64 characters) and its S256 challenge. */
export const pkcePair = (): { verifier: string; challenge: string } => {
  const verifier = randomBytes(48).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};
