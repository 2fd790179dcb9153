/** Names of fields whose values are secrets, in any of the casings AWS APIs, caches and configs use. */
const SECRET_KEY =
  /^(access_?token|refresh_?token|id_?token|client_?secret|secret_?access_?key|session_?token|device_?code|code_?verifier|code|assertion|password|x-amz-sso_bearer_token|authorization)$/i;

/** `name: value` / `"name":"value"` / `name=value` pairs with a secret name, inside free text. */
const SECRET_PAIR =
  /(["']?\b(?:access_?token|refresh_?token|id_?token|client_?secret|secret_?access_?key|session_?token|device_?code|code_?verifier|x-amz-sso_bearer_token)\b["']?\s*[:=]\s*)(["']?)[^"'\s,;&}]+\2/gi;

const REDACTED = "[redacted]";

/**
 * The `--debug` logger's second layer of redaction, by shape rather than by value: fields named like secrets
 * (tokens, client secrets, secret keys, device codes) replaced by `[redacted]` at any depth, and secret-named
 * `name=value` / `"name":"value"` pairs inside strings too. Errors become `{ name, message }`; cycles are cut.
 *
 * Why a second layer: the first, `@sso-kit/token-provider`'s `redactSecrets` with the run's `KnownSecrets`, can
 * only redact values the CLI holds. The logger is also handed to the SDK clients and to the SSO packages, whose
 * debug lines carry objects (requests, replies, cache entries) holding tokens the CLI never saw: a refreshed
 * token, a new refresh token, a device code. Their field names give them away. Error messages are not passed
 * through this layer: they go through the value-based redaction alone.
 */
export function redactSecretShapes(value: unknown): unknown {
  return redact(value, new WeakSet());
}

function redactInText(text: string): string {
  return text.replace(
    SECRET_PAIR,
    (_, prefix: string, quote: string) => `${prefix}${quote}${REDACTED}${quote}`,
  );
}

function redact(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactInText(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (value instanceof Error) return { name: value.name, message: redactInText(value.message) };
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : redact(item, seen)]),
  );
}
