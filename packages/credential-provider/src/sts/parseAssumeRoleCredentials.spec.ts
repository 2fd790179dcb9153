import type { RoleHop } from "../config/RoleHop.js";
import { parseAssumeRoleCredentials } from "./parseAssumeRoleCredentials.js";

const hop = { profileName: "prod", roleArn: "arn:aws:iam::222222222222:role/Deploy" } as RoleHop;
const expiration = new Date("2030-01-01T00:00:00Z");
const good = {
  AccessKeyId: "ASIA1",
  SecretAccessKey: "secret-1",
  SessionToken: "token-1",
  Expiration: expiration,
};

it("reads the credentials of a reply", () => {
  expect(parseAssumeRoleCredentials({ Credentials: good, AssumedRoleUser: {} }, hop, undefined)).toEqual({
    accessKeyId: "ASIA1",
    secretAccessKey: "secret-1",
    sessionToken: "token-1",
    expiration: expiration.getTime(),
  });
});

it.each<[string, unknown, string]>([
  ["no Credentials", {}, "the reply has no Credentials"],
  ["not an object", "text", "the reply has no Credentials"],
  ["empty key id", { Credentials: { ...good, AccessKeyId: "" } }, "missing or malformed: AccessKeyId"],
  [
    "secret and token missing",
    { Credentials: { AccessKeyId: "ASIA1", Expiration: expiration } },
    "missing or malformed: SecretAccessKey, SessionToken",
  ],
  ["an expiry that is not a date", { Credentials: { ...good, Expiration: "soon" } }, "malformed: Expiration"],
  [
    "an invalid date",
    { Credentials: { ...good, Expiration: new Date(Number.NaN) } },
    "malformed: Expiration",
  ],
])("%s: InvalidCredentials naming fields, never values", (_, output, detail) => {
  let error: unknown;
  try {
    parseAssumeRoleCredentials(output, hop, undefined);
  } catch (caught) {
    error = caught;
  }
  expect(error).toMatchObject({ reason: "InvalidCredentials", tryNextLink: false });
  const message = (error as Error).message;
  expect(message).toContain(detail);
  expect(message).toContain("arn:aws:iam::222222222222:role/Deploy (profile 'prod'");
  expect(message).not.toContain("secret-1");
  expect(message).not.toContain("token-1");
});
