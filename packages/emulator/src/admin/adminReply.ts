import { jsonReply, type Reply } from "../http/Reply.js";
import type { RequestLog } from "./RequestLog.js";

/** The path prefix reserved for the emulator's own endpoints. */
export const ADMIN_PREFIX = "/__emulator/";

/**
 * The admin endpoints: `GET /__emulator/stats` (per-operation counters), `GET /__emulator/requests` (the redacted
 * request log), `POST /__emulator/reset` (runs `reset`: the emulator's, which clears counters, log and faults;
 * not tokens or clients).
 */
export const adminReply = (method: string, path: string, log: RequestLog, reset: () => void): Reply => {
  const name = path.slice(ADMIN_PREFIX.length);
  const route = `${method} ${name}`;
  switch (route) {
    case "GET stats":
      return jsonReply(log.stats());
    case "GET requests":
      return jsonReply(log.entries());
    case "POST reset":
      reset();
      return jsonReply({ reset: true });
  }
  const known = ["stats", "requests", "reset"].includes(name);
  return jsonReply(
    { message: known ? `Method ${method} is not allowed on ${path}.` : `No admin endpoint ${path}.` },
    known ? 405 : 404,
  );
};
