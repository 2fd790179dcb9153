import { Readable } from "node:stream";
import { MAX_REPLY_BYTES } from "./MAX_REPLY_BYTES.js";
import type { PortalRequest } from "./PortalRequest.js";
import { isRequestHandler, sendThroughRequestHandler } from "./sendThroughRequestHandler.js";

// The real path (an SDK client's NodeHttpHandler to the emulator) runs in ProviderClients.spec and
// httpPortalTransport.lazy.spec; here, handlers answering with each body shape a handler may give.
const request: PortalRequest = {
  endpoint: { protocol: "https:", hostname: "[::1]", port: 8443, basePath: "/" },
  path: "/federation/credentials?account_id=111111111111&role_name=Read%20Only",
  headers: { "x-amz-sso_bearer_token": "token" },
  timeouts: { connectionTimeout: 1, requestTimeout: 1, throwOnRequestTimeout: true },
  logger: undefined,
};

const answering = (body: unknown, headers: Record<string, string> = {}) => {
  const seen: unknown[] = [];
  const handler = {
    handle: async (sent: unknown) => {
      seen.push(sent);
      return { response: { statusCode: 200, headers: { "X-Amzn-RequestId": "req-1", ...headers }, body } };
    },
  };
  return { handler, seen };
};

test("hands the handler the request an SDK client would build: path, decoded query, headers with host", async () => {
  const { handler, seen } = answering(undefined);
  await sendThroughRequestHandler(handler, request);
  expect(seen).toEqual([
    {
      protocol: "https:",
      hostname: "[::1]",
      port: 8443,
      method: "GET",
      path: "/federation/credentials",
      query: { account_id: "111111111111", role_name: "Read Only" },
      headers: { "x-amz-sso_bearer_token": "token", host: "[::1]:8443" },
    },
  ]);
});

test.each<[string, () => unknown]>([
  ["a Node stream", () => Readable.from([Buffer.from('{"a":'), Buffer.from("1}")])],
  ["a web stream", () => new Blob(['{"a":1}']).stream()],
  ["bytes", () => new TextEncoder().encode('{"a":1}')],
  ["text", () => '{"a":1}'],
])("reads the whole body given as %s, with lower-case header names", async (_, body) => {
  const { handler } = answering(body());
  const reply = await sendThroughRequestHandler(handler, request);
  expect(reply).toEqual({
    status: 200,
    headers: { "x-amzn-requestid": "req-1" },
    body: Buffer.from('{"a":1}'),
  });
});

test("no body: an empty one", async () => {
  const { handler } = answering(undefined);
  await expect(sendThroughRequestHandler(handler, request)).resolves.toMatchObject({ body: Buffer.alloc(0) });
});

test.each<[string, () => unknown]>([
  ["a stream", () => Readable.from([Buffer.alloc(MAX_REPLY_BYTES), Buffer.alloc(1)])],
  ["bytes", () => Buffer.alloc(MAX_REPLY_BYTES + 1)],
])(
  "a body larger than MAX_REPLY_BYTES given as %s: ReplyTooLargeError with the reply's metadata",
  async (_, body) => {
    const { handler } = answering(body());
    await expect(sendThroughRequestHandler(handler, request)).rejects.toMatchObject({
      name: "ReplyTooLargeError",
      $metadata: { httpStatusCode: 200, requestId: "req-1" },
    });
  },
);

test("the handler's own failure arrives as it is (its name and code drive the retries)", async () => {
  const failure = Object.assign(new Error("socket hang up"), { name: "TimeoutError", code: "ECONNRESET" });
  const handler = { handle: async () => Promise.reject(failure) };
  await expect(sendThroughRequestHandler(handler, request)).rejects.toBe(failure);
});

test("isRequestHandler: an instance with handle(), not handler options", () => {
  expect(isRequestHandler({ handle: () => undefined })).toBe(true);
  expect(isRequestHandler({ requestTimeout: 5 })).toBe(false);
  expect(isRequestHandler(undefined)).toBe(false);
  expect(isRequestHandler(null)).toBe(false);
});
