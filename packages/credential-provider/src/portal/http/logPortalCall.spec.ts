import { recordingLogger } from "../../../../../test/support/recordingLogger.js";
import { logPortalCall } from "./logPortalCall.js";

const call = { accountId: "1", roleName: "R" };
const input = { roleName: "R", accountId: "1", accessToken: "***SensitiveInformation***" };

test("success: info with the masked input and output, and the metadata", () => {
  const log = recordingLogger();
  const output = {
    roleCredentials: {
      accessKeyId: "ASIA",
      secretAccessKey: "SECRET-1",
      sessionToken: "SECRET-2",
      expiration: 5,
    },
  };
  logPortalCall(log.logger, call, { output, metadata: { httpStatusCode: 200, attempts: 1 } });
  expect(log.lines).toEqual([
    `info ${JSON.stringify({
      clientName: "SSOClient",
      commandName: "GetRoleCredentialsCommand",
      input,
      output: {
        roleCredentials: {
          accessKeyId: "ASIA",
          secretAccessKey: "***SensitiveInformation***",
          sessionToken: "***SensitiveInformation***",
          expiration: 5,
        },
      },
      metadata: { httpStatusCode: 200, attempts: 1 },
    })}`,
  ]);
});

test("failure: error with the masked input, the error and its metadata", () => {
  const lines: unknown[] = [];
  const error = Object.assign(new Error("nope"), { $metadata: { httpStatusCode: 401, attempts: 1 } });
  logPortalCall({ ...recordingLogger().logger, error: (entry: unknown) => lines.push(entry) }, call, {
    error,
  });
  expect(lines).toEqual([
    {
      clientName: "SSOClient",
      commandName: "GetRoleCredentialsCommand",
      input,
      error,
      metadata: error.$metadata,
    },
  ]);
});

test("no logger: nothing", () => {
  expect(() => logPortalCall(undefined, call, { error: new Error("x") })).not.toThrow();
});
