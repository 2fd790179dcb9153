import { GetRoleCredentialsCommand, SSOClient } from "@aws-sdk/client-sso";
import type { FaultRule } from "@sso-kit/emulator";
import type { RoleTarget } from "../config/RoleTarget.js";
import { sessionTarget, useEmulator } from "../../../../test/support/credential-provider/testEnvironment.js";
import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { toPortalError } from "./toPortalError.js";
import { adoptCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";

// What every provider does before it can throw (the errors' debug line comes from the smithy base).
beforeAll(() => adoptCredentialsProviderError());

const env = useEmulator();

const target: RoleTarget = sessionTarget;

/** What a real GetRoleCredentials call throws when the emulator answers with `fault`. */
const portalFailure = async (accessToken: string, fault: Omit<FaultRule, "operation">): Promise<unknown> => {
  env.emu.faults.add({ operation: "GetRoleCredentials", ...fault });
  const client = new SSOClient({ region: "us-east-1", endpoint: env.emu.url });
  try {
    await client.send(
      new GetRoleCredentialsCommand({ accountId: target.accountId, roleName: target.roleName, accessToken }),
    );
  } catch (error) {
    return error;
  } finally {
    client.destroy();
  }
  throw new Error("expected GetRoleCredentials to fail");
};

describe("a portal that echoes the access token", () => {
  it.each([
    ["UnauthorizedException", "Unauthorized"],
    ["ResourceNotFoundException", "ServiceError"],
    ["InvalidRequestException", "ServiceError"],
    ["TooManyRequestsException", "ServiceUnavailable"],
  ])("%s: the token reaches neither the message nor the log line", async (exception, reason) => {
    const { accessToken } = env.emu.seedToken();
    const cause = await portalFailure(accessToken, {
      exception,
      message: `token ${accessToken} is not valid`,
    });
    expect((cause as Error).message).toContain(accessToken);
    const log = recordingLogger();
    const error = toPortalError(cause, target, accessToken, log.logger);
    expect(error).toMatchObject({ reason, cause });
    expect(error.message).toContain(`${exception}: token [redacted] is not valid`);
    expect(log.lines.join("\n")).toContain("[redacted]");
    for (const text of [error.message, error.stack ?? "", ...log.lines]) {
      expect(text).not.toContain(accessToken);
    }
  });

  it("a token the call's token replaced (a healed session's retry) is redacted too", async () => {
    const rejected = env.emu.seedToken().accessToken;
    const renewed = env.emu.seedToken().accessToken;
    const cause = await portalFailure(renewed, {
      exception: "UnauthorizedException",
      message: `tokens ${renewed} and ${rejected} are not valid`,
    });
    const log = recordingLogger();
    const error = toPortalError(cause, target, renewed, log.logger, [rejected]);
    expect(error.message).toContain("tokens [redacted] and [redacted] are not valid");
    for (const text of [error.message, ...log.lines]) {
      expect(text).not.toContain(rejected);
      expect(text).not.toContain(renewed);
    }
  });
});

describe("transport failures say what happened", () => {
  it("a connection reset, after the SDK's retries: ServiceUnavailable", async () => {
    const { accessToken } = env.emu.seedToken();
    const error = toPortalError(
      await portalFailure(accessToken, { reset: true }),
      target,
      accessToken,
      undefined,
    );
    expect(error).toMatchObject({ reason: "ServiceUnavailable" });
    expect(error.message).toContain("after 3 attempts (the connection was reset)");
  });

  it("a truncated reply, after the SDK's retries: ServiceUnavailable", async () => {
    const { accessToken } = env.emu.seedToken();
    const error = toPortalError(
      await portalFailure(accessToken, { body: "truncated" }),
      target,
      accessToken,
      undefined,
    );
    expect(error).toMatchObject({ reason: "ServiceUnavailable" });
    expect(error.message).toContain("(the reply was cut off before it was complete)");
    expect(error.message).not.toContain("\n");
  });

  it("a malformed 200 reply: InvalidCredentials, naming only the error (its text may quote the reply)", async () => {
    const { accessToken } = env.emu.seedToken();
    const error = toPortalError(
      await portalFailure(accessToken, { body: "malformed" }),
      target,
      accessToken,
      undefined,
    );
    expect(error).toMatchObject({ reason: "InvalidCredentials" });
    expect(error.message).toMatch(/the reply could not be read \(SyntaxError\)\.$/);
  });
});
