import { SSOClient } from "@aws-sdk/client-sso";
import type { RoleTarget } from "../config/RoleTarget.js";
import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { recordingLogger, useEmulator } from "../__fixtures__/testEnvironment.js";
import { getRoleCredentials } from "./getRoleCredentials.js";

const env = useEmulator();

const target: RoleTarget = {
  kind: "sso-session",
  session: { name: "corp", startUrl: "https://d-1.awsapps.com/start", region: "us-east-1" },
  accountId: "111111111111",
  roleName: "ReadOnly",
  profileName: "dev",
  fromProfile: true,
};

const call = (accessToken: string, overrides: Partial<RoleTarget> = {}) =>
  getRoleCredentials({
    client: new SSOClient({ region: "us-east-1", endpoint: env.emu.url }),
    target: { ...target, ...overrides } as RoleTarget,
    accessToken,
    logger: undefined,
  });

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SsoCredentialsProviderError);
  return error as SsoCredentialsProviderError;
};

test("sends the account, role and token; returns validated credentials (expiration in epoch ms)", async () => {
  const { accessToken } = env.emu.seedToken();
  const credentials = await call(accessToken);
  const issued = env.emu.issuedCredentials().at(-1);
  expect(issued).toMatchObject({
    accessKeyId: credentials.accessKeyId,
    accountId: "111111111111",
    roleName: "ReadOnly",
  });
  expect(credentials.expiration).toBe(issued?.expiration.getTime());
});

test("UnauthorizedException: Unauthorized, with the sign-in command", async () => {
  const error = await failure(call("unknown-token"));
  expect(error).toMatchObject({
    reason: "Unauthorized",
    signInCommand: "sso-kit login --profile dev",
    tryNextLink: false,
  });
  expect(error.message).toContain("UnauthorizedException");
  expect(error.message).not.toContain("unknown-token");
});

test("ResourceNotFoundException: ServiceError naming the role and account", async () => {
  const { accessToken } = env.emu.seedToken();
  const error = await failure(
    call(accessToken, { accountId: "333333333333", roleName: "AdministratorAccess" }),
  );
  expect(error).toMatchObject({
    reason: "ServiceError",
    cause: expect.objectContaining({ name: "ResourceNotFoundException" }),
  });
  expect(error.message).toContain("role AdministratorAccess in account 333333333333");
});

test("throttling after the SDK's retries: ServiceUnavailable with the attempt count", async () => {
  const { accessToken } = env.emu.seedToken();
  env.emu.faults.add({ operation: "GetRoleCredentials", exception: "TooManyRequestsException" });
  const error = await failure(call(accessToken));
  expect(error).toMatchObject({ reason: "ServiceUnavailable" });
  expect(error.message).toContain("after 3 attempts");
  expect(env.emu.stats().GetRoleCredentials).toBe(3);
});

test("another client error: ServiceError quoting the service's message", async () => {
  const { accessToken } = env.emu.seedToken();
  env.emu.faults.add({
    operation: "GetRoleCredentials",
    exception: "InvalidRequestException",
    message: "bad request",
  });
  const error = await failure(call(accessToken));
  expect(error).toMatchObject({ reason: "ServiceError" });
  expect(error.message).toContain("InvalidRequestException: bad request");
});

test("an empty or malformed 200 reply: InvalidCredentials", async () => {
  const { accessToken } = env.emu.seedToken();
  env.emu.faults.add({ operation: "GetRoleCredentials", body: "empty", times: 1 });
  await expect(call(accessToken)).rejects.toMatchObject({ reason: "InvalidCredentials" });
  env.emu.faults.add({ operation: "GetRoleCredentials", body: "malformed", times: 1 });
  await expect(call(accessToken)).rejects.toMatchObject({ reason: "InvalidCredentials" });
});

test("a portal echoing the access token: neither the message nor the debug log line repeats it", async () => {
  const { accessToken } = env.emu.seedToken();
  env.emu.faults.add({
    operation: "GetRoleCredentials",
    exception: "UnauthorizedException",
    message: `token ${accessToken} is not valid`,
  });
  const log = recordingLogger();
  const error = await failure(
    getRoleCredentials({
      client: new SSOClient({ region: "us-east-1", endpoint: env.emu.url }),
      target,
      accessToken,
      logger: log.logger,
    }),
  );
  expect(error).toMatchObject({ reason: "Unauthorized" });
  expect(error.message).toContain("UnauthorizedException: token [redacted] is not valid");
  expect(log.lines.some((line) => line.includes("token [redacted] is not valid"))).toBe(true);
  for (const text of [error.message, error.stack ?? "", ...log.lines])
    expect(text).not.toContain(accessToken);
});
