import { DEFAULT_REQUEST_HANDLER } from "@sso-kit/token-provider/internal";
import { settledHandlerOptions } from "../../../../test/support/settledHandlerOptions.js";
import { createSsoClient } from "./createSsoClient.js";

test("bounds each call with the default time limits when the config brings no request handler", async () => {
  const client = await createSsoClient("us-east-1", { maxAttempts: 2 });
  await expect(client.config.region()).resolves.toBe("us-east-1");
  expect(await settledHandlerOptions(client.config.requestHandler)).toMatchObject(DEFAULT_REQUEST_HANDLER);
});

test("keeps the config's own request handler options and region of the session", async () => {
  const client = await createSsoClient("eu-west-1", {
    region: "us-west-2",
    requestHandler: { requestTimeout: 1234 },
  });
  await expect(client.config.region()).resolves.toBe("eu-west-1");
  expect(await settledHandlerOptions(client.config.requestHandler)).toMatchObject({ requestTimeout: 1234 });
  expect(await settledHandlerOptions(client.config.requestHandler)).not.toMatchObject({
    connectionTimeout: 5_000,
  });
});
