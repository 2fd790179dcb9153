import type { PortalReply } from "./PortalReply.js";
import { replyMetadata, type ReplyMetadata } from "./replyMetadata.js";

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The members of `RoleCredentials` in the SSO service model: the SDK's deserializer keeps these only. */
const ROLE_CREDENTIALS_MEMBERS = ["accessKeyId", "secretAccessKey", "sessionToken", "expiration"] as const;

/**
 * The body as JSON (`{}` when empty, as the SDK reads it). Text that is not JSON is a `SyntaxError` naming only
 * what failed: the parser's own message quotes the text, which may hold credentials.
 */
const parseBody = (reply: PortalReply, metadata: ReplyMetadata): unknown => {
  if (reply.body.length === 0) return {};
  try {
    return JSON.parse(reply.body.toString("utf8"));
  } catch {
    throw Object.assign(new SyntaxError(`the portal's HTTP ${reply.status} reply is not JSON`), {
      $metadata: metadata,
    });
  }
};

/** restJson1's error code: cut at `,`, then at `:`, then keep what follows `#`. */
const sanitizeErrorCode = (raw: string | number): string => {
  let code = String(raw);
  code = code.split(",")[0] ?? code;
  code = code.split(":")[0] ?? code;
  return code.includes("#") ? (code.split("#")[1] ?? "") : code;
};

const codeOf = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" ? sanitizeErrorCode(value) : undefined;

/**
 * The error the SDK's SSO client throws for an error reply, as `toPortalError` reads it: `name` from the
 * `x-amzn-errortype` header, else the body's `code` (any case), else its `__type`, else `Unknown`; `message`
 * from the body's `message` or `Message`, else `UnknownError`; `$metadata` with the status and request id.
 */
const serviceError = (reply: PortalReply, metadata: ReplyMetadata): Error => {
  const parsed = parseBody(reply, metadata);
  const data = isRecord(parsed) ? parsed : {};
  const codeKey = Object.keys(data).find((key) => key.toLowerCase() === "code");
  const name =
    codeOf(reply.headers["x-amzn-errortype"]) ??
    codeOf(codeKey === undefined ? undefined : data[codeKey]) ??
    codeOf(data.__type) ??
    "Unknown";
  const message = data.message ?? data.Message ?? "UnknownError";
  return Object.assign(new Error(String(message)), { name, $metadata: metadata });
};

/**
 * A portal reply as the SDK's SSO client returns it: for a 2xx, `{ roleCredentials }` with the model's members
 * only (anything else in the reply is dropped, values are not converted: `parseRoleCredentials` validates them);
 * for any other status, the service's error is thrown.
 */
export const readPortalReply = (reply: PortalReply): unknown => {
  const metadata = replyMetadata(reply.status, reply.headers);
  if (reply.status >= 300) throw serviceError(reply, metadata);
  const data = parseBody(reply, metadata);
  const roleCredentials = isRecord(data) ? data.roleCredentials : undefined;
  if (roleCredentials === undefined || roleCredentials === null) return {};
  if (Array.isArray(roleCredentials)) return { roleCredentials: {} };
  if (!isRecord(roleCredentials)) return { roleCredentials };
  const kept: Fields = {};
  for (const member of ROLE_CREDENTIALS_MEMBERS) {
    const value = roleCredentials[member];
    if (value !== undefined && value !== null) kept[member] = value;
  }
  return { roleCredentials: kept };
};
