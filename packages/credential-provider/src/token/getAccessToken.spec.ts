import { ProviderClients } from "../clients/ProviderClients.js";
import type { RoleTarget } from "../config/RoleTarget.js";
import {
  writeCachedToken,
  writeRawCachedToken,
} from "../../../../test/support/credential-provider/testEnvironment.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { getAccessToken } from "./getAccessToken.js";

useTempHome({ prefix: "sso-kit-credential-provider-", createAwsDirectory: true });

const base = {
  accountId: "111111111111",
  roleName: "ReadOnly",
  profileName: "dev",
  fromProfile: true,
} as const;
const legacy: RoleTarget = {
  ...base,
  kind: "legacy",
  startUrl: "https://d-1.awsapps.com/start",
  region: "us-east-1",
};
const session: RoleTarget = {
  ...base,
  kind: "sso-session",
  session: { name: "corp", startUrl: "https://d-1.awsapps.com/start", region: "us-east-1" },
};
const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();
const clients = () => new ProviderClients({}, undefined);

test("legacy: the cached token, even inside the refresh window (it is never refreshed)", async () => {
  await writeCachedToken(legacy.startUrl, {
    accessToken: "legacy-token",
    expiresAt: new Date(Date.now() + 10_000).toISOString(),
  });
  await expect(getAccessToken(legacy, clients(), undefined)).resolves.toBe("legacy-token");
});

test("legacy: no token file, an expired token or an unusable file are Token errors with the sign-in command", async () => {
  await expect(getAccessToken(legacy, clients(), undefined)).rejects.toMatchObject({
    reason: "Token",
    signInCommand: "sso-kit login --profile dev",
    message: expect.stringContaining("not signed in"),
  });
  await writeCachedToken(legacy.startUrl, {
    accessToken: "old",
    expiresAt: new Date(Date.now() - 1).toISOString(),
  });
  await expect(getAccessToken(legacy, clients(), undefined)).rejects.toMatchObject({
    reason: "Token",
    message: expect.stringContaining("expired"),
  });
  await writeRawCachedToken(legacy.startUrl, { expiresAt: inOneHour() });
  await expect(getAccessToken(legacy, clients(), undefined)).rejects.toMatchObject({
    reason: "Token",
    tryNextLink: false,
    signInCommand: "sso-kit login --profile dev",
  });
});

test("legacy options without a profile: an unusable file's advice names the start URL, not an sso-session", async () => {
  const explicit: RoleTarget = { ...legacy, profileName: undefined, fromProfile: false };
  await writeRawCachedToken(legacy.startUrl, { expiresAt: inOneHour() });
  const error = await getAccessToken(explicit, clients(), undefined).then(
    () => new Error("resolved"),
    (e: unknown) => e as Error,
  );
  expect(error).toMatchObject({ reason: "Token", tryNextLink: false, signInCommand: undefined });
  expect(error.message).toContain(`with a profile whose sso_start_url is ${legacy.startUrl}`);
  expect(error.message).not.toContain("--sso-session");
});

test("sso-session: the token provider's token, its errors mapped in one place", async () => {
  await writeCachedToken("corp", { accessToken: "session-token", expiresAt: inOneHour() });
  await expect(getAccessToken(session, clients(), undefined)).resolves.toBe("session-token");
  await writeCachedToken("corp", {
    accessToken: "gone",
    expiresAt: new Date(Date.now() - 1000).toISOString(),
  });
  const error = await getAccessToken(session, clients(), undefined).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: "CredentialsProviderError", reason: "Token", tryNextLink: false });
  expect((error as Error).cause).toMatchObject({
    name: "TokenProviderError",
    message: (error as Error).message,
  });
});
