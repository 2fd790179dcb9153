import { join } from "node:path";
import {
  GetRoleCredentialsCommand,
  paginateListAccounts,
  SSOClient,
  TooManyRequestsException,
  UnauthorizedException,
} from "@aws-sdk/client-sso";
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from "@aws-sdk/client-sso-oidc";
import { killAllChildren, startChild } from "../support/startChild";

/** The built bin (CI runs `pnpm build` first). */
const BIN = join(__dirname, "../../packages/emulator/dist/esm/bin/sso-kit-emulator.js");

describe("the sso-kit-emulator bin", () => {
  afterEach(killAllChildren);

  it.each(["SIGTERM", "SIGINT"] as const)(
    "prints the exports, answers the SDK clients and exits 0 on %s",
    async (signal) => {
      const bin = startChild(BIN, {}, ["--auto-approve", "--region", "eu-west-1"]);
      await bin.next((line) => line.includes("Ctrl+C"));
      const out = bin.lines.join("\n");
      const url = /^sso-kit emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
      expect(url).toBeDefined();
      const exports = /^export (.+)$/m.exec(out)?.[1] ?? "";
      expect(Object.fromEntries(exports.split(" ").map((pair) => pair.split("=")))).toEqual({
        AWS_ENDPOINT_URL_SSO: url,
        AWS_ENDPOINT_URL_SSO_OIDC: url,
        AWS_ENDPOINT_URL_STS: url,
      });
      expect(out).toMatch(
        /^\[sso-session emulator\]\nsso_start_url = https:\/\/\S+\nsso_region = eu-west-1$/m,
      );

      const registered = await new SSOOIDCClient({ region: "eu-west-1", endpoint: url }).send(
        new RegisterClientCommand({ clientName: "bin-test", clientType: "public" }),
      );
      expect(registered.clientId).toEqual(expect.any(String));
      await expect(
        new SSOClient({ region: "eu-west-1", endpoint: url }).send(
          new GetRoleCredentialsCommand({
            accessToken: "unknown",
            accountId: "111111111111",
            roleName: "ReadOnly",
          }),
        ),
      ).rejects.toMatchObject({ name: "UnauthorizedException", $metadata: { httpStatusCode: 401 } });

      bin.process.kill(signal);
      const { code } = await bin.exited;
      expect(code).toBe(0);
      expect(bin.lines.join("\n")).toContain("stopped");
      expect(bin.stderr()).toBe("");
    },
  );

  it("serves a generated organisation behind a portal rate limit, and revokes over the admin endpoint", async () => {
    const bin = startChild(BIN, {}, [
      "--auto-approve",
      "--generate-accounts",
      "300",
      "--portal-rate-limit",
      "0.001",
      "--portal-burst",
      "5",
    ]);
    await bin.next((line) => line.includes("Ctrl+C"));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(bin.lines.join("\n"))?.[1] ?? "";
    const oidc = new SSOOIDCClient({ region: "us-east-1", endpoint: url });
    const sso = new SSOClient({ region: "us-east-1", endpoint: url, maxAttempts: 1 });
    const client = await oidc.send(
      new RegisterClientCommand({ clientName: "bin-test", clientType: "public" }),
    );
    const { clientId = "", clientSecret = "" } = client;
    const device = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId,
        clientSecret,
        startUrl: "https://d-0000000000.awsapps.com/start",
      }),
    );
    const tokens = await oidc.send(
      new CreateTokenCommand({
        clientId,
        clientSecret,
        grantType: "urn:ietf:params:oauth:grant-type:device_code",
        deviceCode: device.deviceCode,
      }),
    );
    const accessToken = tokens.accessToken ?? "";

    const accounts = [];
    for await (const page of paginateListAccounts({ client: sso, pageSize: 100 }, { accessToken })) {
      accounts.push(...(page.accountList ?? []));
    }
    expect(accounts).toHaveLength(300);
    expect(accounts[299]).toEqual({
      accountId: "100000000300",
      accountName: "Account 0300",
      emailAddress: "account-0300@example.com",
    });

    const revoked = await fetch(`${url}/__emulator/revoke-access-token`, {
      method: "POST",
      body: JSON.stringify({ accessToken }),
    });
    expect(revoked.status).toBe(200);
    const roleCredentials = (token: string) =>
      sso.send(
        new GetRoleCredentialsCommand({
          accessToken: token,
          accountId: "100000000001",
          roleName: "ReadOnly",
        }),
      );
    await expect(roleCredentials(accessToken)).rejects.toBeInstanceOf(UnauthorizedException);
    const renewed = await oidc.send(
      new CreateTokenCommand({
        clientId,
        clientSecret,
        grantType: "refresh_token",
        refreshToken: tokens.refreshToken,
      }),
    );
    await roleCredentials(renewed.accessToken ?? "");
    // Five portal requests so far: the bucket is empty, and at 0.001 per second it stays so.
    await expect(roleCredentials(renewed.accessToken ?? "")).rejects.toBeInstanceOf(TooManyRequestsException);

    bin.process.kill("SIGTERM");
    expect((await bin.exited).code).toBe(0);
  });

  it("--help prints the usage and exits 0; an unknown option exits 2", async () => {
    const help = startChild(BIN, {}, ["--help"]);
    expect((await help.exited).code).toBe(0);
    expect(help.lines.join("\n")).toContain("Usage: sso-kit-emulator");
    const unknown = startChild(BIN, {}, ["--frobnicate"]);
    expect((await unknown.exited).code).toBe(2);
    expect(unknown.stderr()).toContain("--frobnicate");
  });
});
