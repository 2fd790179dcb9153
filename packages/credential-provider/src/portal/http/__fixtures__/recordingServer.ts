import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as it arrived on the wire. */
export interface RecordedRequest {
  method: string;
  /** Path and query exactly as sent. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** What the server answers; `body` is sent as is (a string) or as JSON. */
export interface CannedReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const CREDENTIALS = {
  roleCredentials: {
    accessKeyId: "ASIARECORDED",
    secretAccessKey: "recorded-secret",
    sessionToken: "recorded-session-token",
    expiration: 4_000_000_000_000,
  },
};

/**
 * A loopback HTTP server that records every request byte for byte (method, raw path and query, headers) and
 * answers with `reply(request, index)`: by default valid role credentials. One per test file.
 */
export const useRecordingServer = () => {
  const state = {
    url: "",
    port: 0,
    requests: [] as RecordedRequest[],
    reply: (() => ({})) as (request: RecordedRequest, index: number) => CannedReply,
  };
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
      const index = state.requests.push(request) - 1;
      req.resume();
      const { status = 200, headers = {}, body = CREDENTIALS } = state.reply(request, index);
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    state.port = (server.address() as AddressInfo).port;
    state.url = `http://127.0.0.1:${state.port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    state.requests = [];
    state.reply = () => ({});
  });
  return state;
};
