/** Names of fields whose values are secrets, in any of the casings AWS APIs, caches and configs use. */
const SECRET_KEY =
  /^(access_?token|refresh_?token|id_?token|client_?secret|secret_?access_?key|session_?token|device_?code|code_?verifier|code|assertion|password|x-amz-sso_bearer_token|authorization)$/i;

/** `name: value` / `"name":"value"` / `name=value` pairs with a secret name, inside free text. */
const SECRET_PAIR =
  /(["']?\b(?:access_?token|refresh_?token|id_?token|client_?secret|secret_?access_?key|session_?token|device_?code|code_?verifier|x-amz-sso_bearer_token)\b["']?\s*[:=]\s*)(["']?)[^"'\s,;&}]+\2/gi;

/** What replaces a secret value. */
export const REDACTED = "[redacted]";

/**
 * A copy of `value` safe to log: fields named like secrets (tokens, client secrets, secret keys, device codes)
 * replaced by `[redacted]`, at any depth, and `name=value` / `"name":"value"` pairs with such names inside strings
 * too. Errors keep their name and message (redacted likewise). Cycles are cut.
 */
export function redactSecrets(value: unknown): unknown {
  return redact(value, new WeakSet());
}

/** `text` with every secret-named `name=value` / `"name":"value"` pair's value replaced by `[redacted]`. */
export function redactSecretsInText(text: string): string {
  return text.replace(
    SECRET_PAIR,
    (_, prefix: string, quote: string) => `${prefix}${quote}${REDACTED}${quote}`,
  );
}

function redact(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactSecretsInText(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (value instanceof Error) return { name: value.name, message: redactSecretsInText(value.message) };
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : redact(item, seen)]),
  );
}
