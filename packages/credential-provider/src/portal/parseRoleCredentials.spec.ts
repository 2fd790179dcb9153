import type { RoleTarget } from "../config/RoleTarget.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { parseRoleCredentials } from "./parseRoleCredentials.js";
import { legacyTarget } from "../../../../test/support/credential-provider/testEnvironment.js";

const target: RoleTarget = legacyTarget;

const complete = {
  accessKeyId: "ASIA1",
  secretAccessKey: "SECRET-SAK",
  sessionToken: "SECRET-ST",
  expiration: 1_700_000_000_123,
};

test("a complete reply is read as is (epoch milliseconds kept)", () => {
  expect(parseRoleCredentials({ roleCredentials: complete }, target, undefined)).toEqual(complete);
  expect(
    parseRoleCredentials({ roleCredentials: { ...complete, credentialScope: "scope" } }, target, undefined),
  ).toEqual({
    ...complete,
    credentialScope: "scope",
  });
});

test.each([
  ["no reply", undefined, "no roleCredentials"],
  ["no roleCredentials", {}, "no roleCredentials"],
  ["roleCredentials not an object", { roleCredentials: "x" }, "no roleCredentials"],
  ["missing accessKeyId", { roleCredentials: { ...complete, accessKeyId: undefined } }, "accessKeyId"],
  ["empty secretAccessKey", { roleCredentials: { ...complete, secretAccessKey: "" } }, "secretAccessKey"],
  ["numeric sessionToken", { roleCredentials: { ...complete, sessionToken: 5 } }, "sessionToken"],
  ["expiration as text", { roleCredentials: { ...complete, expiration: "2030-01-01" } }, "expiration"],
  ["expiration not finite", { roleCredentials: { ...complete, expiration: Number.NaN } }, "expiration"],
  ["several missing", { roleCredentials: { expiration: 1 } }, "accessKeyId, secretAccessKey, sessionToken"],
])("%s: invalid temporary credentials naming the field, never a value", (_, output, named) => {
  let error: unknown;
  try {
    parseRoleCredentials(output, target, undefined);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SsoCredentialsProviderError);
  expect(error).toMatchObject({ reason: "InvalidCredentials", tryNextLink: false });
  const { message } = error as Error;
  expect(message).toContain("invalid temporary credentials");
  expect(message).toContain("role ReadOnly in account 111111111111 (profile dev)");
  expect(message).toContain(named);
  expect(message).not.toMatch(/SECRET-/);
});
