import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorState } from "../state/EmulatorState.js";

/** What a handler gets: the parsed request and the emulator's state. */
export interface RequestContext {
  readonly method: string;
  /** The path without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names in lower case, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The raw body bytes (empty for GET). */
  readonly rawBody: Buffer;
  /** The body decoded as UTF-8. */
  readonly body: string;
  readonly state: EmulatorState;
}
