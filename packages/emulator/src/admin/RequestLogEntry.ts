import type { OperationName } from "../OperationName.js";

/** One request as the emulator logged it. Secrets never appear: query values other than harmless ones are redacted. */
export interface RequestLogEntry {
  /** When the reply was sent (ISO 8601, real clock). */
  time: string;
  /** The operation, or `"UnknownOperation"` for a request no operation matched. */
  operation: OperationName | "UnknownOperation";
  method: string;
  /** Path and redacted query, e.g. `/federation/credentials?role_name=ReadOnly&account_id=111111111111`. */
  path: string;
  /** HTTP status sent, or 0 when the connection was dropped without a reply. */
  status: number;
  /** The error name (e.g. `AuthorizationPendingException`) when the reply was an error. */
  errorType?: string;
}
