import { redactSecrets } from "../errors/redactSecrets.js";

/**
 * `Name: message` of a failure, for users: e.g. `InvalidGrantException: refresh token revoked`.
 * Any of `secrets` quoted in the message is redacted.
 */
export const describeError = (error: unknown, secrets: ReadonlyArray<string | undefined>): string => {
  if (error instanceof Error) {
    const name = error.name === "Error" || error.name === "" ? "" : `${error.name}: `;
    const message = error.message === "" || error.message === "UnknownError" ? "(no message)" : error.message;
    return redactSecrets(`${name}${message}`, secrets);
  }
  return redactSecrets(String(error), secrets);
};
