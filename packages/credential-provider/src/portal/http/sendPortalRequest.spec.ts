import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { recordingLogger } from "../../../../../test/support/recordingLogger.js";
import { MAX_REPLY_BYTES } from "./MAX_REPLY_BYTES.js";
import { sendPortalRequest } from "./sendPortalRequest.js";
import { DEFAULT_PORTAL_TIMEOUTS, type PortalTimeouts } from "./PortalTimeouts.js";

/** A raw TCP server on loopback whose answer to each connection is `behave`: to send bytes, wait or hang up. */
let server: Server;
let port = 0;
let behave: (socket: Socket) => void = () => undefined;
const sockets = new Set<Socket>();
beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.once("data", () => behave(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  ({ port } = server.address() as AddressInfo);
});
afterEach(() => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const send = (
  timeouts: PortalTimeouts = DEFAULT_PORTAL_TIMEOUTS,
  logger?: ReturnType<typeof recordingLogger>,
) =>
  sendPortalRequest({
    endpoint: { protocol: "http:", hostname: "127.0.0.1", port, basePath: "/" },
    path: "/federation/credentials?account_id=1&role_name=R",
    headers: { "x-amz-sso_bearer_token": "token" },
    timeouts,
    logger: logger?.logger,
  });

// `connection: close`: no kept-alive socket carries one test's server behaviour into the next.
const head = (length: number) =>
  `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n` +
  `x-amzn-requestid: req-9\r\nconnection: close\r\n\r\n`;

test("a complete reply: status, lower-case headers and the whole body", async () => {
  behave = (socket) => socket.end(`${head(2)}{}`);
  await expect(send()).resolves.toMatchObject({
    status: 200,
    headers: { "content-type": "application/json", "x-amzn-requestid": "req-9" },
    body: Buffer.from("{}"),
  });
});

test("a reply cut off: `aborted` (ECONNRESET), with the status that had arrived", async () => {
  behave = (socket) => {
    socket.write(`${head(100)}{"roleCred`);
    setTimeout(() => socket.destroy(), 20);
  };
  await expect(send()).rejects.toMatchObject({
    message: "aborted",
    code: "ECONNRESET",
    $metadata: { httpStatusCode: 200, requestId: "req-9" },
  });
});

test("a body beyond 1 MiB is not read: ReplyTooLargeError", async () => {
  behave = (socket) => {
    socket.write(head(MAX_REPLY_BYTES + 10));
    socket.write(Buffer.alloc(MAX_REPLY_BYTES + 10, "x"));
  };
  await expect(send()).rejects.toMatchObject({
    name: "ReplyTooLargeError",
    $metadata: { httpStatusCode: 200 },
  });
});

test("no reply within requestTimeout: TimeoutError with code ETIMEDOUT (retried as the SDK's)", async () => {
  behave = () => undefined;
  await expect(
    send({ connectionTimeout: 1_000, requestTimeout: 100, throwOnRequestTimeout: true }),
  ).rejects.toMatchObject({
    name: "TimeoutError",
    code: "ETIMEDOUT",
    message: expect.stringContaining("100 ms (requestTimeout)"),
  });
});

test("the request timeout covers the body too: a reply that stalls midway ends the attempt", async () => {
  behave = (socket) => socket.write(`${head(100)}{"roleCred`);
  await expect(
    send({ connectionTimeout: 1_000, requestTimeout: 100, throwOnRequestTimeout: true }),
  ).rejects.toMatchObject({ name: "TimeoutError", code: "ETIMEDOUT", $metadata: { httpStatusCode: 200 } });
});

test("without throwOnRequestTimeout the request timeout only warns, then the reply is read", async () => {
  behave = (socket) => setTimeout(() => socket.end(`${head(2)}{}`), 250);
  const log = recordingLogger();
  await expect(
    send({ connectionTimeout: 1_000, requestTimeout: 50, throwOnRequestTimeout: false }, log),
  ).resolves.toMatchObject({ status: 200 });
  expect(log.lines).toEqual([expect.stringMatching(/^warn .*more than the configured 50 ms requestTimeout/)]);
});

test("a connection closed before any reply: the connection was reset (TimeoutError, ECONNRESET)", async () => {
  behave = (socket) => socket.destroy();
  await expect(send()).rejects.toMatchObject({ name: "TimeoutError", code: "ECONNRESET" });
});
