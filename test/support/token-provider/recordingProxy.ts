import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request that went through the proxy. */
export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

/**
 * A loopback HTTP proxy in front of the emulator that records request bodies (the emulator's own log is
 * redacted), so that tests can assert what the real SDK client sent. Everything else passes through untouched;
 * a connection the emulator drops is dropped towards the client too.
 */
export const startRecordingProxy = async (target: string) => {
  const requests: RecordedRequest[] = [];
  const targetUrl = new URL(target);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? "", path: req.url ?? "", body: body.toString("utf8") });
      const upstream = request(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: targetUrl.host },
        },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
          reply.on("error", () => res.destroy());
          reply.on("aborted", () => res.destroy());
        },
      );
      upstream.on("error", () => req.socket.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Bodies of CreateToken calls (`POST /token`), parsed. */
    createTokenBodies: (): Array<Record<string, unknown>> =>
      requests
        .filter((r) => r.method === "POST" && r.path.split("?")[0] === "/token")
        .map((r) => JSON.parse(r.body) as Record<string, unknown>),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
