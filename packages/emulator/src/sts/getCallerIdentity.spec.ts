import { GetRoleCredentialsCommand } from "@aws-sdk/client-sso";
import {
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from "@aws-sdk/client-sts";
import type { FinalizeHandler, FinalizeHandlerArguments } from "@smithy/types";
import { caught } from "../../../../test/support/emulator/caught.js";
import { ssoClient, stsClient } from "../../../../test/support/emulator/clients.js";
import { withEnv } from "../../../../test/support/emulator/withEnv.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ roleCredentialsTtlSeconds: 900, userName: "jane@example.com" });
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

const issue = async (roleName = "AdministratorAccess", accountId = "222222222222") => {
  const { accessToken } = emu.seedToken();
  const out = await ssoClient(emu).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
  const c = out.roleCredentials ?? {};
  return {
    accessKeyId: c.accessKeyId ?? "",
    secretAccessKey: c.secretAccessKey ?? "",
    sessionToken: c.sessionToken ?? "",
  };
};

/** An STS client with fresh credentials whose clock is 20 minutes behind: its signatures are out of date. */
const clientTwentyMinutesSlow = async () =>
  new STSClient({
    region: emu.region,
    endpoint: emu.url,
    credentials: await issue(),
    systemClockOffset: -20 * 60 * 1000,
    maxAttempts: 1,
  });

const expectStsError = (
  e: Record<string, unknown>,
  name: string,
  status: number,
  message: string | RegExp,
) => {
  expect(e).toBeInstanceOf(STSServiceException);
  expect(e.name).toBe(name);
  expect(e.message).toMatch(message);
  expect(e).toMatchObject({ $metadata: { httpStatusCode: status } });
};

describe("STS GetCallerIdentity", () => {
  it("identifies the assumed role of credentials the emulator issued", async () => {
    const credentials = await issue();
    const out = await stsClient(emu, credentials).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe("222222222222");
    expect(out.Arn).toBe("arn:aws:sts::222222222222:assumed-role/AdministratorAccess/jane@example.com");
    expect(out.UserId).toMatch(/^AROA[A-Z0-9]{17}:jane@example\.com$/);
    expect(emu.stats().GetCallerIdentity).toBeGreaterThanOrEqual(1);
  });

  it("is reachable through AWS_ENDPOINT_URL_STS", async () => {
    const credentials = await issue("ReadOnly", "111111111111");
    const out = await withEnv({ ...emu.env, AWS_ENDPOINT_URL: undefined }, () =>
      new STSClient({ region: emu.region, credentials }).send(new GetCallerIdentityCommand({})),
    );
    expect(out.Arn).toBe("arn:aws:sts::111111111111:assumed-role/ReadOnly/jane@example.com");
  });

  it("rejects a signature made with the wrong secret key with SignatureDoesNotMatch", async () => {
    const credentials = await issue();
    const e = await caught(
      stsClient(emu, { ...credentials, secretAccessKey: `${credentials.secretAccessKey.slice(1)}x` }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expectStsError(e, "SignatureDoesNotMatch", 403, /does not match the signature you provided/);
  });

  it("rejects a request altered after it was signed", async () => {
    const credentials = await issue();
    const client = stsClient(emu, credentials);
    client.middlewareStack.addRelativeTo(
      (next: FinalizeHandler<ServiceInputTypes, ServiceOutputTypes>) =>
        async (args: FinalizeHandlerArguments<ServiceInputTypes>) => {
          const request = args.request as { body: string };
          request.body = request.body.replace("Version=2011-06-15", "Version=2011-06-16");
          return next(args);
        },
      { relation: "after", toMiddleware: "httpSigningMiddleware", name: "tamper" },
    );
    const e = await caught(client.send(new GetCallerIdentityCommand({})));
    expectStsError(e, "SignatureDoesNotMatch", 403, /signature/);
  });

  it("rejects an unknown access key and a missing session token with InvalidClientTokenId", async () => {
    const credentials = await issue();
    const unknown = await caught(
      stsClient(emu, { ...credentials, accessKeyId: "ASIAUNKNOWNUNKNOWN00" }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expectStsError(
      unknown,
      "InvalidClientTokenId",
      403,
      "The security token included in the request is invalid.",
    );
    const noToken = await caught(
      stsClient(emu, {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
      }).send(new GetCallerIdentityCommand({})),
    );
    expectStsError(noToken, "InvalidClientTokenId", 403, /invalid/);
  });

  it("rejects expired credentials with ExpiredToken", async () => {
    const credentials = await issue();
    emu.clock.advance(900_000);
    const e = await caught(stsClient(emu, credentials).send(new GetCallerIdentityCommand({})));
    expectStsError(e, "ExpiredToken", 403, "The security token included in the request is expired");
  });

  it("rejects a timestamp more than 15 minutes off with 'Signature expired'", async () => {
    const client = await clientTwentyMinutesSlow();
    const e = await caught(client.send(new GetCallerIdentityCommand({})));
    expectStsError(e, "SignatureDoesNotMatch", 403, /^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it("sends a Date header the SDK adopts, so its next call succeeds", async () => {
    const client = await clientTwentyMinutesSlow();
    await caught(client.send(new GetCallerIdentityCommand({})));
    const out = await client.send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe("222222222222");
  });
});
