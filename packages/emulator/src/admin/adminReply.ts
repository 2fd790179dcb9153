import { expireAccessTokens } from "../controls/expireAccessTokens.js";
import { revokeAccessToken } from "../controls/revokeAccessToken.js";
import { jsonReply, type Reply } from "../http/Reply.js";
import type { EmulatorState } from "../state/EmulatorState.js";
import type { RequestLog } from "./RequestLog.js";

/** The path prefix reserved for the emulator's own endpoints. */
export const ADMIN_PREFIX = "/__emulator/";

/** What the admin endpoints act on. */
export interface AdminDeps {
  log: RequestLog;
  /** The emulator's reset: clears counters, log and faults and refills the rate limit; not tokens or clients. */
  reset: () => void;
  state: EmulatorState;
}

const ENDPOINTS = ["stats", "requests", "reset", "revoke-access-token", "expire-access-tokens"];

/**
 * The admin endpoints: `GET /__emulator/stats` (per-operation counters), `GET /__emulator/requests` (the redacted
 * request log), `POST /__emulator/reset`, and for child processes that cannot reach the `Emulator` object,
 * `POST /__emulator/revoke-access-token` (`{"accessToken"}`) and `POST /__emulator/expire-access-tokens`
 * (`{"accessToken"?, "inSeconds"?}`), which do what the methods of the same names do.
 */
export const adminReply = (method: string, path: string, body: string, deps: AdminDeps): Reply => {
  const name = path.slice(ADMIN_PREFIX.length);
  const route = `${method} ${name}`;
  try {
    switch (route) {
      case "GET stats":
        return jsonReply(deps.log.stats());
      case "GET requests":
        return jsonReply(deps.log.entries());
      case "POST reset":
        deps.reset();
        return jsonReply({ reset: true });
      case "POST revoke-access-token": {
        const revoked = revokeAccessToken(deps.state, jsonObject(body).accessToken);
        return revoked
          ? jsonReply({ revoked: true })
          : jsonReply({ revoked: false, message: "The emulator did not issue this access token." }, 404);
      }
      case "POST expire-access-tokens":
        return jsonReply({ expired: expireAccessTokens(deps.state, jsonObject(body)) });
    }
  } catch (error) {
    if (error instanceof TypeError) return jsonReply({ message: error.message }, 400);
    throw error;
  }
  const known = ENDPOINTS.includes(name);
  return jsonReply(
    { message: known ? `Method ${method} is not allowed on ${path}.` : `No admin endpoint ${path}.` },
    known ? 405 : 404,
  );
};

/** The JSON object of an admin request body; an empty body is `{}`. */
const jsonObject = (body: string): Record<string, unknown> => {
  if (body.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new TypeError("The body must be a JSON object.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError("The body must be a JSON object.");
  }
  return value as Record<string, unknown>;
};
