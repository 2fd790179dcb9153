/**
 * Replaces every occurrence of the given secrets in `text` with `[redacted]`.
 *
 * Service error messages are echoed into our own errors so that users see the cause; a service (or a proxy in
 * between) is free to quote a request value back, so anything we send is scrubbed before it reaches a message.
 */
export const redactSecrets = (text: string, secrets: ReadonlyArray<string | undefined>): string => {
  let result = text;
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real tokens and secrets are long.
    if (secret !== undefined && secret.length >= 6) {
      result = result.split(secret).join("[redacted]");
    }
  }
  return result;
};
