/**
 * No secret in any error or log line: sentinel access/refresh tokens, client secret, secret access key and session
 * token go through every failure path; the errors (message, stack, and as printed with their causes) and
 * everything a capturing logger received (our lines and the SDK clients') must not contain any of them.
 */
import { SsoTokenCache, writeJsonFileAtomic } from "@sso-kit/token-provider/internal";
import { writeFileSync } from "node:fs";
import { recordingLogger } from "../support/recordingLogger";
import { errorText, leakedIn, sentinelSecrets } from "../support/secrets";
import { useCredentialProvider } from "./support/useCredentialProvider";

const SENTINELS = sentinelSecrets("credential-provider");

const env = useCredentialProvider();

/** Signs in with the sentinel token, refresh token and client secret. */
const signInWithSentinels = (key: string, expiresInMs = 3_600_000) =>
  env.signIn(key, {
    accessToken: SENTINELS.accessToken,
    refreshToken: SENTINELS.refreshToken,
    clientSecret: SENTINELS.clientSecret,
    clientId: `client-${key.length}-${Date.now()}`,
    expiresAt: new Date(Date.now() + expiresInMs),
  });

const sentinelReply = (roleCredentials: Record<string, unknown>) => ({
  operation: "GetRoleCredentials" as const,
  response: { body: { roleCredentials } },
});

/** The sentinels in `text`; the error's text and every log line must hold none. */
const leaks = (text: string): string[] => leakedIn(text, Object.values(SENTINELS));

const resolveAndScan = async (init: Record<string, unknown>, calls = 1) => {
  const { lines, logger } = recordingLogger();
  const provider = env.sdk.fromSSO({ ...init, logger, clientConfig: { logger } });
  let error: unknown;
  for (let i = 0; i < calls; i++) {
    error = await provider().then(
      () => undefined,
      (e: unknown) => e,
    );
  }
  expect(leaks(error === undefined ? "" : errorText(error))).toEqual([]);
  expect(leaks(lines.join("\n"))).toEqual([]);
  return { error, lines };
};

test("the scan itself catches a leak", () => {
  expect(leaks(`token=${SENTINELS.refreshToken}`)).toEqual([SENTINELS.refreshToken]);
});

test("success, with the SDK clients logging to the same logger", async () => {
  await signInWithSentinels("dev");
  env.emu.faults.add(
    sentinelReply({
      accessKeyId: "ASIASENTINEL",
      secretAccessKey: SENTINELS.secretAccessKey,
      sessionToken: SENTINELS.sessionToken,
      expiration: Date.now() + 3_600_000,
    }),
  );
  const { error, lines } = await resolveAndScan({ profile: "dev" });
  expect(error).toBeUndefined();
  expect(lines.some((line) => line.includes("GetRoleCredentialsCommand"))).toBe(true);
});

test("token refreshed through SSO-OIDC, with logging", async () => {
  await signInWithSentinels("dev", 60_000);
  const { error } = await resolveAndScan({ profile: "dev" });
  expect(error).toBeUndefined();
  expect(env.emu.stats().CreateToken).toBe(1);
});

test.each([
  ["portal rejects the token", { exception: "UnauthorizedException" }, "Unauthorized"],
  ["portal unavailable", { status: 503 }, "ServiceUnavailable"],
  ["connection dropped", { reset: true }, "ServiceUnavailable"],
  ["malformed reply", { body: "malformed" as const }, "InvalidCredentials"],
])("GetRoleCredentials fails: %s", async (_, fault, reason) => {
  await signInWithSentinels("dev");
  env.emu.faults.add({ operation: "GetRoleCredentials", ...fault });
  const { error } = await resolveAndScan({ profile: "dev" });
  expect(error).toMatchObject({ reason });
});

test("a reply with secrets but a missing field", async () => {
  await signInWithSentinels("dev");
  env.emu.faults.add(
    sentinelReply({
      secretAccessKey: SENTINELS.secretAccessKey,
      sessionToken: SENTINELS.sessionToken,
      expiration: 1,
    }),
  );
  const { error } = await resolveAndScan({ profile: "dev" });
  expect(error).toMatchObject({ reason: "InvalidCredentials" });
});

test("credentials kept through a transient failure (warning logged)", async () => {
  await signInWithSentinels("dev");
  env.emu.faults.add({
    ...sentinelReply({
      accessKeyId: "ASIASENTINEL",
      secretAccessKey: SENTINELS.secretAccessKey,
      sessionToken: SENTINELS.sessionToken,
      expiration: Date.now() + 4 * 60_000,
    }),
    times: 1,
  });
  env.emu.faults.add({ operation: "GetRoleCredentials", status: 500 });
  const { error, lines } = await resolveAndScan({ profile: "dev" }, 2);
  expect(error).toBeUndefined();
  expect(lines.some((line) => line.startsWith("warn"))).toBe(true);
});

test("the token cannot be refreshed (refresh token rejected) and has expired", async () => {
  await signInWithSentinels("dev", -60_000);
  env.emu.faults.add({ operation: "CreateToken", exception: "InvalidGrantException", message: "bad grant" });
  const { error } = await resolveAndScan({ profile: "dev" });
  expect(error).toMatchObject({ reason: "Token", tryNextLink: false });
});

test("a corrupt token file holding a token", async () => {
  const path = new SsoTokenCache().tokenPath("dev");
  await writeJsonFileAtomic(path, {}, { mode: 0o600 });
  writeFileSync(
    path,
    `{"accessToken":"${SENTINELS.accessToken}","refreshToken":"${SENTINELS.refreshToken}",`,
  );
  const { error } = await resolveAndScan({ profile: "dev" });
  expect(error).toMatchObject({ reason: "Token", tryNextLink: false });
});

test("an expired legacy token", async () => {
  await signInWithSentinels(env.emu.startUrl, -1000);
  const { error } = await resolveAndScan({ profile: "legacy" });
  expect(error).toMatchObject({ reason: "Token" });
});
