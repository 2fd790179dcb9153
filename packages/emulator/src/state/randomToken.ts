import { randomBytes } from "node:crypto";

/** An unguessable opaque token: `prefix` followed by `bytes` random bytes in base64url. */
export const randomToken = (prefix: string, bytes = 32): string =>
  prefix + randomBytes(bytes).toString("base64url");

/** `length` random characters from `alphabet` (rejection-free for alphabets up to 256 characters is fine here). */
export const randomChars = (alphabet: string, length: number): string => {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
};
