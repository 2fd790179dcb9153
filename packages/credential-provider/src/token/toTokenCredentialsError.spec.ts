import { TokenProviderError } from "@smithy/property-provider";
import { sessionTarget } from "../../../../test/support/credential-provider/testEnvironment.js";
import { adoptCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { toTokenCredentialsError } from "./toTokenCredentialsError.js";

// What every provider does before it can throw.
beforeAll(() => adoptCredentialsProviderError());

const tokenError = (reason?: string, signInCommand?: string) =>
  Object.assign(new TokenProviderError("token message", { tryNextLink: false }), {
    ...(reason !== undefined && { reason }),
    ...(signInCommand !== undefined && { signInCommand }),
  });

test.each([
  ["ServiceUnavailable", "ServiceUnavailable"],
  ["Misconfigured", "InvalidConfig"],
])("the token provider's %s is %s, without a sign-in command", (reason, mapped) => {
  const error = toTokenCredentialsError(tokenError(reason), sessionTarget, undefined, "Unauthorized");
  expect(error).toMatchObject({ reason: mapped, message: "token message", signInCommand: undefined });
});

test("an ended session carries the target's sign-in command, as Token or, when asked, Unauthorized", () => {
  expect(toTokenCredentialsError(tokenError("SessionEnded"), sessionTarget, undefined)).toMatchObject({
    reason: "Token",
    signInCommand: "sso-kit login --profile dev",
  });
  expect(
    toTokenCredentialsError(tokenError(undefined, "sso-kit login"), sessionTarget, undefined, "Unauthorized"),
  ).toMatchObject({ reason: "Unauthorized", signInCommand: "sso-kit login --profile dev" });
});

test("an error without a reason or command is no reason to sign in", () => {
  expect(toTokenCredentialsError(tokenError(), sessionTarget, undefined)).toMatchObject({
    reason: "Token",
    signInCommand: undefined,
  });
});
