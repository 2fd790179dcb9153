import type { EmulatorState } from "./EmulatorState.js";
import type { IssuedCredential } from "./CredentialStore.js";
import { randomChars, randomToken } from "./randomToken.js";

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Mints temporary credentials of a role session (`ASIA…` key, secret, session token) and keeps them, so that STS
 * can verify the signatures made with them.
 */
export const issueCredential = (
  state: EmulatorState,
  session: Pick<IssuedCredential, "accountId" | "roleName" | "roleArn" | "userName" | "expirationMs">,
): IssuedCredential => {
  const credential: IssuedCredential = {
    accessKeyId: `ASIA${randomChars(KEY_ALPHABET, 16)}`,
    secretAccessKey: randomChars(SECRET_ALPHABET, 40),
    sessionToken: randomToken("IQoJb3JpZ2luX2VjE", 180),
    ...session,
  };
  state.credentials.add(credential);
  return credential;
};
