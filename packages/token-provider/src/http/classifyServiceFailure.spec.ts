import { CreateTokenCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { classifyServiceFailure } from "./classifyServiceFailure.js";

/** What the real SDK client throws when the endpoint answers with `answer`. */
async function failureFor(answer: (response: ServerResponse) => void): Promise<unknown> {
  const server = createServer((_request, response) => answer(response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const client = new SSOOIDCClient({
    region: "eu-west-1",
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    maxAttempts: 1,
  });
  try {
    await client.send(
      new CreateTokenCommand({ clientId: "c", clientSecret: "s", grantType: "refresh_token" }),
    );
    throw new Error("the call succeeded");
  } catch (error) {
    return error;
  } finally {
    client.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("classifyServiceFailure", () => {
  it("calls a 5xx without a body a service failure, with its status", async () => {
    const error = await failureFor((response) => response.writeHead(500).end());
    expect(classifyServiceFailure(error)).toMatchObject({
      kind: "service",
      status: 500,
      statusText: "HTTP 500",
      attempts: 1,
      fromSdk: true,
      timedOut: false,
      throttled: false,
    });
  });

  it("calls 429 and an unreadable 200 a service failure", async () => {
    expect(classifyServiceFailure(await failureFor((r) => r.writeHead(429).end()))).toMatchObject({
      kind: "service",
      status: 429,
    });
    const garbage = await failureFor((r) =>
      r.writeHead(200, { "content-type": "application/json" }).end("{x"),
    );
    expect(classifyServiceFailure(garbage)).toMatchObject({ kind: "service", status: 200 });
  });

  it("calls a redirect or an HTML page a misconfigured endpoint", async () => {
    const redirect = await failureFor((r) => r.writeHead(302, { location: "https://login.example/" }).end());
    expect(classifyServiceFailure(redirect)).toMatchObject({
      kind: "misconfigured",
      status: 302,
      statusText: "HTTP 302",
      answer: "a redirect (HTTP 302)",
      location: "https://login.example/",
    });
    for (const status of [200, 500]) {
      const html = await failureFor((r) =>
        r.writeHead(status, { "content-type": "text/html" }).end("<html>"),
      );
      expect(classifyServiceFailure(html)).toMatchObject({
        kind: "misconfigured",
        answer: `an HTML page (HTTP ${status})`,
      });
    }
  });

  it("calls a modelled 4xx exception refused", async () => {
    const error = await failureFor((r) =>
      r
        .writeHead(400, { "content-type": "application/json", "x-amzn-errortype": "InvalidGrantException" })
        .end(JSON.stringify({ error: "invalid_grant" })),
    );
    expect(classifyServiceFailure(error)).toMatchObject({ kind: "refused", status: 400 });
  });

  it("calls a failure without a reply a service failure", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(classifyServiceFailure(refused)).toEqual({
      kind: "service",
      name: "Error",
      statusText: "no complete reply",
      fromSdk: false,
      systemCode: "ECONNREFUSED",
      timedOut: false,
      throttled: false,
    });
    expect(classifyServiceFailure("not even an error")).toEqual({
      kind: "service",
      name: "Error",
      statusText: "no complete reply",
      fromSdk: false,
      timedOut: false,
      throttled: false,
    });
  });

  it("calls throttling a service failure, whatever its status", async () => {
    const error = await failureFor((r) =>
      r
        .writeHead(400, { "content-type": "application/json", "x-amzn-errortype": "ThrottlingException" })
        .end(JSON.stringify({ message: "slow down" })),
    );
    expect(classifyServiceFailure(error)).toMatchObject({
      kind: "service",
      name: "ThrottlingException",
      status: 400,
      throttled: true,
    });
  });

  it("reads a timeout by the error's name or code, not its wording", () => {
    const timeout = Object.assign(new Error("whatever it says"), { name: "TimeoutError" });
    expect(classifyServiceFailure(timeout)).toMatchObject({ kind: "service", timedOut: true });
    const wording = new Error("the request timed out");
    expect(classifyServiceFailure(wording)).toMatchObject({ timedOut: false });
  });
});
