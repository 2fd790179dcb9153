/**
 * `text` with every occurrence of each of `secrets` replaced by `[redacted]`; `undefined` entries and values
 * shorter than 6 characters (which would redact ordinary words; real tokens and secrets are long) are skipped.
 *
 * Services, and proxies in between, are free to quote a request value back in an error message. Before any
 * such text (a service message, an error's message, a cause's text) goes into an sso-kit error message or log
 * line, it is passed through here with every secret the code path knows: access token, refresh token, client
 * secret, device code, authorization code, code verifier. {@link describeError} does this for a whole error.
 */
export const redactSecrets = (text: string, secrets: ReadonlyArray<string | undefined>): string => {
  // Longest first: a secret that contains another (a code inside a longer token) is redacted whole.
  const redactable = secrets
    .filter((secret): secret is string => secret !== undefined && secret.length >= 6)
    .sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of redactable) {
    result = result.split(secret).join("[redacted]");
  }
  return result;
};
