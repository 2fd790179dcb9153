import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  SSOClient,
  TooManyRequestsException,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from "@aws-sdk/client-sso";
import { CreateTokenCommand } from "@aws-sdk/client-sso-oidc";
import type { FinalizeHandler, FinalizeHandlerArguments } from "@smithy/types";
import { caught } from "../../../../test/support/emulator/caught.js";
import { oidcClient } from "../../../../test/support/emulator/clients.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

/** One token per 100 s of the emulator clock: real time alone refills nothing during a test. */
const SLOW_REFILL_MS = 100_000;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ portalRateLimit: { requestsPerSecond: 1000 / SLOW_REFILL_MS, burst: 3 } });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

const client = (maxAttempts: number) => new SSOClient({ region: emu.region, endpoint: emu.url, maxAttempts });

describe("the portal's rate limit", () => {
  it("answers a burst beyond the bucket with TooManyRequestsException 429, on every portal operation", async () => {
    const { accessToken } = emu.seedToken();
    const once = client(1);
    await Promise.all([
      once.send(new ListAccountsCommand({ accessToken })),
      once.send(new ListAccountRolesCommand({ accessToken, accountId: "111111111111" })),
      once.send(
        new GetRoleCredentialsCommand({ accessToken, accountId: "111111111111", roleName: "ReadOnly" }),
      ),
    ]);
    const e = await caught(
      once.send(
        new GetRoleCredentialsCommand({ accessToken, accountId: "111111111111", roleName: "ReadOnly" }),
      ),
    );
    expect(e).toBeInstanceOf(TooManyRequestsException);
    expect(e).toMatchObject({ message: "Rate exceeded", $metadata: { httpStatusCode: 429 } });
    await expect(once.send(new ListAccountsCommand({ accessToken }))).rejects.toBeInstanceOf(
      TooManyRequestsException,
    );
    expect(emu.stats()).toMatchObject({ ListAccounts: 2, ListAccountRoles: 1, GetRoleCredentials: 2 });
    expect(emu.requestLog().filter((entry) => entry.status === 429)).toEqual([
      expect.objectContaining({ operation: "GetRoleCredentials", errorType: "TooManyRequestsException" }),
      expect.objectContaining({ operation: "ListAccounts", errorType: "TooManyRequestsException" }),
    ]);
  });

  it("throttles before checking the token, and leaves SSO-OIDC alone", async () => {
    const seeded = emu.seedToken();
    const once = client(1);
    for (let i = 0; i < 3; i += 1)
      await once.send(new ListAccountsCommand({ accessToken: seeded.accessToken }));
    await expect(once.send(new ListAccountsCommand({ accessToken: "not-a-token" }))).rejects.toBeInstanceOf(
      TooManyRequestsException,
    );
    const refreshed = await oidcClient(emu).send(
      new CreateTokenCommand({
        clientId: seeded.clientId,
        clientSecret: seeded.clientSecret,
        grantType: "refresh_token",
        refreshToken: seeded.refreshToken,
      }),
    );
    expect(refreshed.accessToken).toEqual(expect.any(String));
  });

  it("refills on the emulator clock", async () => {
    const { accessToken } = emu.seedToken();
    const once = client(1);
    for (let i = 0; i < 3; i += 1) await once.send(new ListAccountsCommand({ accessToken }));
    await expect(once.send(new ListAccountsCommand({ accessToken }))).rejects.toBeInstanceOf(
      TooManyRequestsException,
    );
    emu.clock.advance(SLOW_REFILL_MS);
    await once.send(new ListAccountsCommand({ accessToken }));
  });

  it("the SDK's standard retries recover once the bucket has refilled", async () => {
    const { accessToken } = emu.seedToken();
    const drain = client(1);
    for (let i = 0; i < 3; i += 1) await drain.send(new ListAccountsCommand({ accessToken }));
    const retrying = client(3);
    // Time passes between the SDK's attempts: each retry (attempt=2, 3 in amz-sdk-request) moves the emulator
    // clock on by one refill, standing in for a backoff long enough at this slow rate.
    retrying.middlewareStack.addRelativeTo(
      (next: FinalizeHandler<ServiceInputTypes, ServiceOutputTypes>) =>
        async (args: FinalizeHandlerArguments<ServiceInputTypes>) => {
          const { headers } = args.request as { headers: Record<string, string> };
          if (!/attempt=1;/.test(headers["amz-sdk-request"] ?? "")) emu.clock.advance(SLOW_REFILL_MS);
          return next(args);
        },
      { relation: "after", toMiddleware: "retryMiddleware", name: "backoffPassesTime" },
    );
    const out = await retrying.send(new ListAccountsCommand({ accessToken }));
    expect(out.accountList).toHaveLength(2);
    expect(out.$metadata.attempts).toBe(2);
    expect(emu.requestLog().map((entry) => entry.status)).toEqual([200, 200, 200, 429, 200]);
  });
});
