import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { BoundedHttpHandler } from "../http/BoundedHttpHandler.js";
import { OidcClientFactory } from "./OidcClientFactory.js";
import { settledHandlerOptions } from "../../../../test/support/settledHandlerOptions.js";

describe("OidcClientFactory", () => {
  it("creates one client per region and reuses it", async () => {
    const factory = new OidcClientFactory();
    const a = await factory.get("us-east-1");
    expect(await factory.get("us-east-1")).toBe(a);
    const b = await factory.get("eu-west-1");
    expect(b).not.toBe(a);
    await expect(a.config.region()).resolves.toBe("us-east-1");
    await expect(b.config.region()).resolves.toBe("eu-west-1");
  });

  it("bounds each call with the default time limits when no one gives an HTTP handler", async () => {
    const client = await new OidcClientFactory().get("us-east-1");
    expect(client.config.requestHandler).toBeInstanceOf(BoundedHttpHandler);
    expect(await settledHandlerOptions(client.config.requestHandler)).toMatchObject({
      connectionTimeout: 5_000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true,
    });
    expect((client.config.requestHandler as BoundedHttpHandler).bounds).toMatchObject({
      deadlineMs: 15_000,
      maxReplyBytes: 1_048_576,
    });
  });

  it("always uses the session's region, even when clientConfig names another", async () => {
    const client = await new OidcClientFactory({ clientConfig: { region: "ap-south-1" } }).get("us-west-2");
    await expect(client.config.region()).resolves.toBe("us-west-2");
  });

  it("takes logger and requestHandler from clientConfig, then parentClientConfig, then the caller's config", async () => {
    const explicit = recordingLogger().logger;
    const parent = recordingLogger().logger;
    const caller = recordingLogger().logger;
    const sent: unknown[] = [];
    const handler = {
      handle: async (request: unknown) => {
        sent.push(request);
        return { response: { statusCode: 200, headers: {}, body: "{}" } };
      },
    };
    const both = await new OidcClientFactory({
      clientConfig: { logger: explicit },
      parentClientConfig: { logger: parent, requestHandler: handler },
    }).get("us-east-1", { logger: caller });
    expect(both.config.logger).toBe(explicit);
    // The given handler sends every request, bounded like any other.
    const bounded = both.config.requestHandler as BoundedHttpHandler;
    expect(bounded).toBeInstanceOf(BoundedHttpHandler);
    const request = { method: "GET", protocol: "http:", hostname: "127.0.0.1", path: "/", headers: {} };
    await bounded.handle(request as never);
    expect(sent).toEqual([request]);
    const parentOnly = await new OidcClientFactory({ parentClientConfig: { logger: parent } }).get(
      "us-east-1",
      {
        logger: caller,
      },
    );
    expect(parentOnly.config.logger).toBe(parent);
    const callerOnly = await new OidcClientFactory().get("us-east-1", { logger: caller });
    expect(callerOnly.config.logger).toBe(caller);
  });

  it("builds a new client when the caller's inherited settings change", async () => {
    const factory = new OidcClientFactory();
    const first = await factory.get("us-east-1", { logger: recordingLogger().logger });
    const second = await factory.get("us-east-1", { logger: recordingLogger().logger });
    expect(second).not.toBe(first);
  });

  it("ignores the parent client's region, endpoint and credentials", async () => {
    const client = await new OidcClientFactory({
      parentClientConfig: {
        region: "eu-central-1",
        endpoint: "http://127.0.0.1:1",
        credentials: { accessKeyId: "x" },
      },
    }).get("us-east-1");
    await expect(client.config.region()).resolves.toBe("us-east-1");
    expect(client.config.endpoint).toBeUndefined();
  });
});

describe("OidcClientFactory profile", () => {
  it("gives the client the token's profile, so the SDK reads that profile's settings", async () => {
    const factory = new OidcClientFactory();
    const work = await factory.get("us-east-1", undefined, "work");
    expect(work.config.profile).toBe("work");
    expect(await factory.get("us-east-1", undefined, "work")).toBe(work);
    const other = await factory.get("us-east-1", undefined, "other");
    expect(other).not.toBe(work);
    expect(other.config.profile).toBe("other");
    expect((await new OidcClientFactory().get("us-east-1")).config.profile).toBeUndefined();
  });

  it("keeps the profile clientConfig names", async () => {
    const client = await new OidcClientFactory({ clientConfig: { profile: "mine" } }).get(
      "us-east-1",
      undefined,
      "work",
    );
    expect(client.config.profile).toBe("mine");
  });
});
