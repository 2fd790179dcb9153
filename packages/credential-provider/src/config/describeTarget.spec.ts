import type { RoleTarget } from "./RoleTarget.js";
import { describeTarget } from "./describeTarget.js";
import { ssoRegionOf } from "./ssoRegionOf.js";

const base = { accountId: "111111111111", roleName: "ReadOnly", fromProfile: false } as const;
const session: RoleTarget = {
  ...base,
  kind: "sso-session",
  session: { name: "corp", startUrl: "https://d-1.awsapps.com/start", region: "eu-west-1" },
  profileName: undefined,
};
const legacy: RoleTarget = {
  ...base,
  kind: "legacy",
  startUrl: "https://d-2.awsapps.com/start",
  region: "us-west-2",
  profileName: undefined,
};

test("names the role, the account and where they came from", () => {
  expect(describeTarget({ ...session, profileName: "dev" })).toBe(
    "role ReadOnly in account 111111111111 (profile dev)",
  );
  expect(describeTarget(session)).toBe("role ReadOnly in account 111111111111 (sso-session corp)");
  expect(describeTarget(legacy)).toBe(
    "role ReadOnly in account 111111111111 (start URL https://d-2.awsapps.com/start)",
  );
});

test("the portal region is the session's or the profile's sso_region", () => {
  expect(ssoRegionOf(session)).toBe("eu-west-1");
  expect(ssoRegionOf(legacy)).toBe("us-west-2");
});
