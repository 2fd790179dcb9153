import { signInAdvice, signInCommand, signInInstruction } from "./signInAdvice.js";

const startUrl = "https://d-1.awsapps.com/start";

test("by profile when there is one, whatever else is known", () => {
  for (const target of [
    { profileName: "dev" },
    { profileName: "dev", sessionName: "corp" },
    { profileName: "dev", startUrl },
  ]) {
    expect(signInCommand(target)).toBe("sso-kit login --profile dev");
    expect(signInAdvice(target)).toBe(
      "Run 'sso-kit login --profile dev' (or 'aws sso login --profile dev') to sign in again.",
    );
  }
});

test("by sso-session without a profile", () => {
  expect(signInCommand({ sessionName: "corp" })).toBe("sso-kit login --sso-session corp");
  expect(signInAdvice({ sessionName: "corp", startUrl })).toBe(
    "Run 'sso-kit login --sso-session corp' (or 'aws sso login --sso-session corp') to sign in again.",
  );
});

test("a bare start URL (explicit legacy options) has no command; the advice names the start URL", () => {
  expect(signInCommand({ startUrl })).toBeUndefined();
  expect(signInAdvice({ startUrl })).toBe(
    `Run 'sso-kit login' (or 'aws sso login') with a profile whose sso_start_url is ${startUrl} to sign in again.`,
  );
});

test("an empty target signs in the default profile", () => {
  expect(signInCommand()).toBe("sso-kit login");
  expect(signInAdvice({})).toBe("Run 'sso-kit login' (or 'aws sso login') to sign in again.");
});

test("the instruction is the advice's quoted commands, for messages that need them mid-sentence", () => {
  expect(signInInstruction({ profileName: "dev" })).toBe(
    "'sso-kit login --profile dev' (or 'aws sso login --profile dev')",
  );
  expect(signInInstruction({ startUrl })).toBe(
    `'sso-kit login' (or 'aws sso login') with a profile whose sso_start_url is ${startUrl}`,
  );
});
