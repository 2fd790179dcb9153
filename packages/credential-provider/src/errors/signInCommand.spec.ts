import type { RoleTarget } from "../config/RoleTarget.js";
import { signInAdvice, signInCommand } from "./signInCommand.js";

const base = { accountId: "111111111111", roleName: "ReadOnly", fromProfile: false } as const;
const session: RoleTarget = {
  ...base,
  kind: "sso-session",
  session: { name: "corp", startUrl: "https://d-1.awsapps.com/start", region: "us-east-1" },
  profileName: undefined,
};
const legacy: RoleTarget = {
  ...base,
  kind: "legacy",
  startUrl: "https://d-1.awsapps.com/start",
  region: "us-east-1",
  profileName: undefined,
};

test("by profile when there is one", () => {
  expect(signInCommand({ ...session, profileName: "dev" })).toBe("sso-kit login --profile dev");
  expect(signInAdvice({ ...legacy, profileName: "dev" })).toBe(
    "Run 'sso-kit login --profile dev' (or 'aws sso login --profile dev') to sign in again.",
  );
});

test("by sso-session for explicit session options", () => {
  expect(signInCommand(session)).toBe("sso-kit login --sso-session corp");
  expect(signInAdvice(session)).toContain("'aws sso login --sso-session corp'");
});

test("explicit legacy options name the start URL", () => {
  expect(signInCommand(legacy)).toBeUndefined();
  expect(signInAdvice(legacy)).toContain("https://d-1.awsapps.com/start");
});
