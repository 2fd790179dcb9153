import { chain, CredentialsProviderError, ProviderError } from "@smithy/property-provider";
import { adoptCredentialsProviderError, SsoCredentialsProviderError } from "./SsoCredentialsProviderError.js";

// What every provider does before it can throw.
beforeAll(() => adoptCredentialsProviderError());

test("is a CredentialsProviderError with the same name, a reason, a sign-in command and a cause", () => {
  const cause = new Error("underlying");
  const error = new SsoCredentialsProviderError("message", {
    reason: "Unauthorized",
    signInCommand: "sso-kit login --profile dev",
    cause,
  });
  expect(error).toBeInstanceOf(CredentialsProviderError);
  expect(error).toBeInstanceOf(ProviderError);
  expect(error).toBeInstanceOf(SsoCredentialsProviderError);
  expect(error).toMatchObject({
    name: "CredentialsProviderError",
    message: "message",
    reason: "Unauthorized",
    signInCommand: "sso-kit login --profile dev",
    tryNextLink: false,
    cause,
  });
});

test("stops a chain unless tryNextLink is set", async () => {
  const next = async () => ({ accessKeyId: "AKID", secretAccessKey: "S" });
  const stop = async () => {
    throw new SsoCredentialsProviderError("stop", { reason: "Token" });
  };
  const skip = async () => {
    throw new SsoCredentialsProviderError("skip", { reason: "NotApplicable", tryNextLink: true });
  };
  await expect(chain(stop, next)()).rejects.toThrow("stop");
  await expect(chain(skip, next)()).resolves.toMatchObject({ accessKeyId: "AKID" });
});

test("logs its message at debug level, like every ProviderError", () => {
  const lines: string[] = [];
  const logger = {
    debug: (line: string) => lines.push(line),
    info: () => {},
    warn: () => {},
    error: () => {},
  };
  new SsoCredentialsProviderError("the message", { reason: "InvalidConfig", logger });
  expect(lines.join("\n")).toContain("the message");
});
