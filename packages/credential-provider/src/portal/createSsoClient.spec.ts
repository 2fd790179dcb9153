import { BoundedHttpHandler } from "@sso-kit/token-provider/internal";
import { settledHandlerOptions } from "../../../../test/support/settledHandlerOptions.js";
import { createSsoClient } from "./createSsoClient.js";

const boundsOf = (handler: unknown) => (handler as BoundedHttpHandler).bounds;

test("bounds each call with the default limits when the config brings no request handler", async () => {
  const client = await createSsoClient("us-east-1", { maxAttempts: 2 });
  await expect(client.config.region()).resolves.toBe("us-east-1");
  expect(client.config.requestHandler).toBeInstanceOf(BoundedHttpHandler);
  expect(await settledHandlerOptions(client.config.requestHandler)).toMatchObject({
    connectionTimeout: 5_000,
    requestTimeout: 10_000,
    throwOnRequestTimeout: true,
  });
  expect(boundsOf(client.config.requestHandler)).toMatchObject({
    deadlineMs: 15_000,
    maxReplyBytes: 1_048_576,
  });
});

test("keeps the config's own request handler options (a longer limit lengthens the deadline) and the session's region", async () => {
  const client = await createSsoClient("eu-west-1", {
    region: "us-west-2",
    requestHandler: { requestTimeout: 30_000, connectionTimeout: 2_000 },
  });
  await expect(client.config.region()).resolves.toBe("eu-west-1");
  expect(await settledHandlerOptions(client.config.requestHandler)).toMatchObject({
    requestTimeout: 30_000,
    connectionTimeout: 2_000,
  });
  expect(boundsOf(client.config.requestHandler)).toMatchObject({ deadlineMs: 32_000 });
});

test("the bounds can be set through the request handler options", async () => {
  const client = await createSsoClient("eu-west-1", {
    requestHandler: { deadlineMs: 500, maxReplyBytes: 10 } as never,
  });
  expect(boundsOf(client.config.requestHandler)).toMatchObject({ deadlineMs: 500, maxReplyBytes: 10 });
});
