import { mergeClientConfig } from "./mergeClientConfig.js";

const logger = (name: string) => ({ name, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} });
const handler = (name: string) => ({ name, handle: async () => ({ response: {} }) }) as never;

test("clientConfig > parentClientConfig > caller, key by key; region always dropped", () => {
  const merged = mergeClientConfig({
    clientConfig: { region: "eu-west-3", logger: logger("client"), maxAttempts: 5 },
    parentClientConfig: {
      region: "ap-south-1",
      requestHandler: handler("parent"),
      userAgentAppId: "parent-app",
    },
    callerClientConfig: {
      region: async () => "us-west-2",
      logger: logger("caller"),
      requestHandler: handler("caller"),
      userAgentAppId: async () => "caller-app",
    },
  });
  expect(merged).toEqual({
    logger: expect.objectContaining({ name: "client" }),
    requestHandler: expect.objectContaining({ name: "parent" }),
    userAgentAppId: "parent-app",
    maxAttempts: 5,
  });
  expect("region" in merged).toBe(false);
});

test("only logger, requestHandler and userAgentAppId come from the outer clients", () => {
  const merged = mergeClientConfig({
    clientConfig: undefined,
    parentClientConfig: { endpoint: "http://parent", profile: "p" },
    callerClientConfig: { credentials: { accessKeyId: "A", secretAccessKey: "S" }, logger: logger("caller") },
  });
  expect(merged).toEqual({ logger: expect.objectContaining({ name: "caller" }) });
});

test("nothing given: an empty config", () => {
  expect(
    mergeClientConfig({
      clientConfig: undefined,
      parentClientConfig: undefined,
      callerClientConfig: undefined,
    }),
  ).toEqual({});
});
