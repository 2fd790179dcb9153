import type { RoleHop } from "../config/RoleHop.js";
import { roleHop } from "../../../../test/support/credential-provider/roleHop.js";
import { hopSharingKey } from "./hopSharingKey.js";

const hop = roleHop();

it("is the same for the same chain, whatever the profile's name", () => {
  expect(hopSharingKey("base", { ...hop, profileName: "other" }, "us-east-1")).toBe(
    hopSharingKey("base", hop, "us-east-1"),
  );
});

it.each<[string, string, Partial<RoleHop>, string]>([
  ["another source", "other-base", {}, "us-east-1"],
  ["another role", "base", { roleArn: "arn:aws:iam::222222222222:role/Other" }, "us-east-1"],
  ["a session name", "base", { roleSessionName: "alice" }, "us-east-1"],
  ["an external id", "base", { externalId: "ext" }, "us-east-1"],
  ["a duration", "base", { durationSeconds: 900 }, "us-east-1"],
  ["an MFA device", "base", { mfaSerial: "arn:aws:iam::111111111111:mfa/a" }, "us-east-1"],
  ["another region", "base", {}, "eu-west-1"],
  ["the global endpoint", "base", { useGlobalEndpoint: true }, "us-east-1"],
])("differs with %s", (_, source, change, region) => {
  expect(hopSharingKey(source, { ...hop, ...change }, region)).not.toBe(
    hopSharingKey("base", hop, "us-east-1"),
  );
});
