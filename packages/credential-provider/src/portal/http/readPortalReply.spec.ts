import type { PortalReply } from "./PortalReply.js";
import { readPortalReply } from "./readPortalReply.js";

const reply = (status: number, body: unknown, headers: PortalReply["headers"] = {}): PortalReply => ({
  status,
  headers,
  body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
});

const thrown = (input: PortalReply): Error & { $metadata?: object } => {
  try {
    readPortalReply(input);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
};

describe("a 2xx reply", () => {
  const roleCredentials = { accessKeyId: "A", secretAccessKey: "S", sessionToken: "T", expiration: 1 };

  test.each<[string, PortalReply, unknown]>([
    ["complete", reply(200, { roleCredentials }), { roleCredentials }],
    [
      "with members the model lacks (dropped)",
      reply(200, { roleCredentials: { ...roleCredentials, credentialScope: "c", x: 1 }, y: 2 }),
      { roleCredentials },
    ],
    [
      "with null members (dropped) and wrong types (kept for validation)",
      reply(200, { roleCredentials: { accessKeyId: null, sessionToken: 5, expiration: "soon" } }),
      { roleCredentials: { sessionToken: 5, expiration: "soon" } },
    ],
    ["empty", reply(200, ""), {}],
    ["204", reply(204, ""), {}],
    ["without roleCredentials", reply(200, { other: 1 }), {}],
    ["roleCredentials null", reply(200, { roleCredentials: null }), {}],
    ["roleCredentials a list", reply(200, { roleCredentials: [1] }), { roleCredentials: {} }],
    ["roleCredentials a string", reply(200, { roleCredentials: "x" }), { roleCredentials: "x" }],
    ["a JSON list", reply(200, [1, 2]), {}],
  ])("%s", (_, input, output) => {
    expect(readPortalReply(input)).toEqual(output);
  });

  test("text that is not JSON: a SyntaxError with the status, never quoting the text", () => {
    const error = thrown(reply(200, '{"secretAccessKey": "SECRET-1", oops', { "x-amzn-requestid": "req-1" }));
    expect(error).toBeInstanceOf(SyntaxError);
    expect(error.$metadata).toEqual({ httpStatusCode: 200, requestId: "req-1" });
    expect(error.message).not.toContain("SECRET");
  });
});

describe("an error reply: the SDK's name, message and metadata", () => {
  test.each<[string, PortalReply, string, string]>([
    [
      "the x-amzn-errortype header, cut at ':'",
      reply(401, { message: "m" }, { "x-amzn-errortype": "UnauthorizedException:http://internal/" }),
      "UnauthorizedException",
      "m",
    ],
    [
      "the header over the body",
      reply(400, { code: "A", __type: "ns#B" }, { "x-amzn-errortype": "C" }),
      "C",
      "UnknownError",
    ],
    [
      "the body's code (any case) over __type",
      reply(400, { CODE: "A", __type: "ns#B" }),
      "A",
      "UnknownError",
    ],
    ["__type after '#'", reply(400, { __type: "com.amazonaws#B", Message: "capital" }), "B", "capital"],
    ["a code cut at ','", reply(400, { code: "A,B" }), "A", "UnknownError"],
    ["a numeric code", reply(400, { code: 42 }), "42", "UnknownError"],
    ["no type at all", reply(404, { message: "gone" }), "Unknown", "gone"],
    ["an empty body", reply(500, ""), "Unknown", "UnknownError"],
    ["a 3xx", reply(302, ""), "Unknown", "UnknownError"],
  ])("%s", (_, input, name, message) => {
    const error = thrown(input);
    expect(error).toMatchObject({ name, message, $metadata: { httpStatusCode: input.status } });
  });

  test("an error body that is not JSON: a SyntaxError with the status (retried by status when 5xx)", () => {
    const error = thrown(reply(502, "<html>bad gateway</html>"));
    expect(error).toMatchObject({ name: "SyntaxError", $metadata: { httpStatusCode: 502 } });
  });
});
