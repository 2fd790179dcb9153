import { signInAdvice, signInCommand } from "@sso-kit/token-provider/internal";
import type { RoleTarget } from "./RoleTarget.js";
import { signInTargetOf } from "./signInTargetOf.js";

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
const command = (target: RoleTarget) => signInCommand(signInTargetOf(target));
const advice = (target: RoleTarget) => signInAdvice(signInTargetOf(target));

test("by profile when there is one", () => {
  expect(command({ ...session, profileName: "dev" })).toBe("sso-kit login --profile dev");
  expect(command({ ...legacy, profileName: "dev" })).toBe("sso-kit login --profile dev");
  expect(advice({ ...legacy, profileName: "dev" })).toBe(
    "Run 'sso-kit login --profile dev' (or 'aws sso login --profile dev') to sign in again.",
  );
});

test("by sso-session for explicit session options", () => {
  expect(command(session)).toBe("sso-kit login --sso-session corp");
  expect(advice(session)).toContain("'aws sso login --sso-session corp'");
});

test("explicit legacy options name the start URL", () => {
  expect(command(legacy)).toBeUndefined();
  expect(advice(legacy)).toBe(
    "Run 'sso-kit login' (or 'aws sso login') with a profile whose sso_start_url is https://d-1.awsapps.com/start to sign in again.",
  );
});
