import type { RoleTarget } from "../config/RoleTarget.js";
import { sharingKey } from "./sharingKey.js";

const session: RoleTarget = {
  kind: "sso-session",
  session: { name: "dev", startUrl: "https://d-1.awsapps.com/start", region: "us-east-1" },
  accountId: "111111111111",
  roleName: "ReadOnly",
  profileName: "dev",
  fromProfile: true,
};

test("the key identifies sign-in, account, role and token, without containing the token", () => {
  const key = sharingKey(session, "secret-access-token");
  expect(key).not.toContain("secret-access-token");
  expect(key).toBe(
    sharingKey({ ...session, profileName: "other", fromProfile: false }, "secret-access-token"),
  );
  for (const other of [
    sharingKey(session, "another-token"),
    sharingKey({ ...session, roleName: "Admin" }, "secret-access-token"),
    sharingKey({ ...session, accountId: "222222222222" }, "secret-access-token"),
    sharingKey({ ...session, session: { ...session.session, name: "prod" } }, "secret-access-token"),
    sharingKey(
      {
        kind: "legacy",
        startUrl: "dev",
        region: "us-east-1",
        accountId: "111111111111",
        roleName: "ReadOnly",
        profileName: undefined,
        fromProfile: false,
      },
      "secret-access-token",
    ),
  ]) {
    expect(other).not.toBe(key);
  }
});
