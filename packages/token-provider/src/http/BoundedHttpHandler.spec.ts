import { CreateTokenCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { startEmulator, type Emulator, type FaultRule } from "@sso-kit/emulator";
import { AttemptDeadlineError } from "./AttemptDeadlineError.js";
import { BoundedHttpHandler, type SdkHttpHandler } from "./BoundedHttpHandler.js";
import { boundedRequestHandler } from "./boundedRequestHandler.js";
import { ReplyTooLargeError } from "./ReplyTooLargeError.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
afterEach(() => emu.reset());

/** A refresh CreateToken through an SDK client whose handler is `requestHandler`; what it throws. */
const createTokenFailure = async (
  fault: Omit<FaultRule, "operation">,
  requestHandler: unknown,
  options: { abortSignal?: AbortSignal } = {},
): Promise<Error & { $metadata?: Record<string, unknown> }> => {
  emu.faults.add({ operation: "CreateToken", ...fault });
  const client = new SSOOIDCClient({
    region: emu.region,
    endpoint: emu.url,
    requestHandler: requestHandler as never,
  });
  const command = new CreateTokenCommand({
    grantType: "refresh_token",
    clientId: "c",
    clientSecret: "s",
    refreshToken: "r",
  });
  return client.send(command, options).then(
    () => {
      throw new Error("expected CreateToken to fail");
    },
    (error: unknown) => error as Error,
  );
};

describe("the whole-attempt deadline", () => {
  it("covers the reply body, and is retried like a timeout", async () => {
    const error = await createTokenFailure(
      { drip: { intervalMs: 20 } },
      boundedRequestHandler({ deadlineMs: 200 }),
    );
    expect(error).toBeInstanceOf(AttemptDeadlineError);
    expect(error).toMatchObject({ name: "TimeoutError", code: "ETIMEDOUT", deadlineMs: 200 });
    // (The SDK appends its deserialization note, which sso-kit's describeError drops.)
    expect(error.message).toContain(`no complete reply to POST ${emu.url}/token within 200 ms`);
    // The headers had arrived (status 200), but no complete reply: the SDK is given none (so no status either).
    // (The SDK's count: the emulator's may lag behind on a loaded machine, or count a late earlier request.)
    expect(error.$metadata).toMatchObject({ attempts: 3 });
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
  });

  it("covers the wait for headers", async () => {
    const error = await createTokenFailure({ silent: true }, boundedRequestHandler({ deadlineMs: 200 }));
    expect(error).toBeInstanceOf(AttemptDeadlineError);
    expect(error.$metadata).toMatchObject({ attempts: 3 });
  });

  it("leaves the caller's abort signal working", async () => {
    const controller = new AbortController();
    const pending = createTokenFailure({ silent: true }, boundedRequestHandler({ deadlineMs: 5_000 }), {
      abortSignal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toMatchObject({ name: "AbortError" });
  });
});

describe("the reply cap", () => {
  it.each([
    ["its content-length", true],
    ["counting a chunked body", false],
  ])("fails a reply over it, by %s, without a retry", async (_, declareLength) => {
    const error = await createTokenFailure(
      { hugeBody: { bytes: 5_000_000, declareLength } },
      boundedRequestHandler({ maxReplyBytes: 100_000 }),
    );
    expect(error).toBeInstanceOf(ReplyTooLargeError);
    expect(error.message).toBe(
      `the reply to POST ${emu.url}/token is larger than 100000 bytes; it was not read further`,
    );
    expect(error.$metadata).toMatchObject({ attempts: 1 });
  });

  it("lets a reply within it through", async () => {
    const error = await createTokenFailure(
      { exception: "InvalidGrantException", message: "x".repeat(1_000) },
      boundedRequestHandler({ maxReplyBytes: 5_000 }),
    );
    expect(error.name).toBe("InvalidGrantException");
  });
});

describe("boundedRequestHandler", () => {
  it("uses a bounded handler as is", () => {
    const handler = boundedRequestHandler({ deadlineMs: 1_000 });
    expect(boundedRequestHandler(handler)).toBe(handler);
  });

  it("takes the longer of 15 s and the caller's connectionTimeout + requestTimeout as the deadline", () => {
    expect(boundedRequestHandler().bounds).toMatchObject({ deadlineMs: 15_000, maxReplyBytes: 1_048_576 });
    expect(boundedRequestHandler({ requestTimeout: 20_000 }).bounds.deadlineMs).toBe(25_000);
    expect(boundedRequestHandler({ requestTimeout: 1_000 }).bounds.deadlineMs).toBe(15_000);
  });

  it.each([["deadlineMs"], ["maxReplyBytes"]])("rejects a %s that is not a positive number", (key) => {
    expect(() => boundedRequestHandler({ [key]: -1 })).toThrow(
      `requestHandler.${key} must be a positive number`,
    );
  });

  it("bounds a caller's handler instance, sends through it, and never destroys it", async () => {
    const destroyed: string[] = [];
    const given: SdkHttpHandler = {
      handle: async () => ({ response: { statusCode: 200, headers: {}, body: "x".repeat(2_000_000) } }),
      destroy: () => destroyed.push("given"),
    };
    const handler = boundedRequestHandler(given);
    expect(handler).toBeInstanceOf(BoundedHttpHandler);
    await expect(
      handler.handle({ method: "GET", protocol: "https:", hostname: "h", path: "/p", headers: {} } as never),
    ).rejects.toBeInstanceOf(ReplyTooLargeError);
    handler.destroy();
    expect(destroyed).toEqual([]);
  });
});
