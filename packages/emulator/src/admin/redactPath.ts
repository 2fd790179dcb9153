/** Query parameters whose values are neither secrets nor codes, so the request log may show them. */
const SHOWN = new Set([
  "account_id",
  "role_name",
  "max_result",
  "aws_iam",
  "response_type",
  "client_id",
  "redirect_uri",
  "scopes",
  "code_challenge_method",
]);

/** `path?query` with every query value that might be a secret, code or verifier replaced by `REDACTED`. */
export const redactPath = (path: string, query: URLSearchParams): string => {
  const parts: string[] = [];
  for (const [name, value] of query) {
    parts.push(`${encodeURIComponent(name)}=${SHOWN.has(name) ? encodeURIComponent(value) : "REDACTED"}`);
  }
  return parts.length === 0 ? path : `${path}?${parts.join("&")}`;
};
