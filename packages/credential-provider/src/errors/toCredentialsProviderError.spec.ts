import { TokenProviderError } from "@smithy/property-provider";
import { adoptCredentialsProviderError, SsoCredentialsProviderError } from "./SsoCredentialsProviderError.js";

// What every provider does before it can throw.
beforeAll(() => adoptCredentialsProviderError());
import { toCredentialsProviderError } from "./toCredentialsProviderError.js";

test("a TokenProviderError keeps its message and tryNextLink and becomes the cause", () => {
  const root = new Error("root cause");
  const tokenError = Object.assign(new TokenProviderError("token message", { tryNextLink: false }), {
    cause: root,
  });
  const mapped = toCredentialsProviderError(tokenError, "Token", undefined, "sso-kit login --profile dev");
  expect(mapped).toBeInstanceOf(SsoCredentialsProviderError);
  expect(mapped).toMatchObject({
    name: "CredentialsProviderError",
    message: "token message",
    tryNextLink: false,
    reason: "Token",
    signInCommand: "sso-kit login --profile dev",
    cause: tokenError,
  });
  expect((mapped.cause as Error).cause).toBe(root);
});

test("tryNextLink: true always means NotApplicable (and no sign-in command)", () => {
  const mapped = toCredentialsProviderError(
    new TokenProviderError("not an SSO profile", { tryNextLink: true }),
    "InvalidConfig",
    undefined,
    "sso-kit login --profile x",
  );
  expect(mapped).toMatchObject({ reason: "NotApplicable", tryNextLink: true, signInCommand: undefined });
});

test("our own errors pass through unchanged", () => {
  const ours = new SsoCredentialsProviderError("ours", { reason: "Unauthorized" });
  expect(toCredentialsProviderError(ours, "Token", undefined)).toBe(ours);
});

test("anything else is wrapped without quoting its message (it could quote a file)", () => {
  const leaky = new SyntaxError('Unexpected token in JSON: {"accessToken":"SECRET');
  const mapped = toCredentialsProviderError(leaky, "Token", undefined);
  expect(mapped).toMatchObject({ reason: "Token", tryNextLink: false, cause: leaky });
  expect(mapped.message).toContain("SyntaxError");
  expect(mapped.message).not.toContain("SECRET");
  expect(toCredentialsProviderError("text", "InvalidConfig", undefined).message).toContain(
    "SSO configuration",
  );
});
