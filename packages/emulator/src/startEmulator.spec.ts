import { connect } from "node:net";
import { GetRoleCredentialsCommand, ListAccountsCommand, SSOClient } from "@aws-sdk/client-sso";
import { RegisterClientCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { withEnv } from "../../../test/support/emulator/withEnv.js";
import { startEmulator } from "./startEmulator.js";

/** Resolves once `condition` holds; rejects after `attempts` checks 10 ms apart. */
const eventually = async (condition: () => boolean, attempts = 500): Promise<void> => {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`condition still false after ${attempts} checks`);
};

describe("startEmulator", () => {
  it("listens on 127.0.0.1 with the documented defaults", async () => {
    const emu = await startEmulator();
    try {
      expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
      expect(emu.port).toBeGreaterThan(0);
      expect(emu.region).toBe("us-east-1");
      expect(emu.startUrl).toBe("https://d-0000000000.awsapps.com/start");
      expect(emu.accounts).toHaveLength(3);
      expect(emu.env).toEqual({
        AWS_ENDPOINT_URL_SSO: emu.url,
        AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
        AWS_ENDPOINT_URL_STS: emu.url,
      });
    } finally {
      await emu.stop();
    }
  });

  it("serves the real clients configured only through AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_SSO_OIDC", async () => {
    const emu = await startEmulator({ region: "eu-west-1" });
    try {
      await withEnv({ ...emu.env, AWS_ENDPOINT_URL: undefined }, async () => {
        const registered = await new SSOOIDCClient({ region: "eu-west-1" }).send(
          new RegisterClientCommand({ clientName: "env", clientType: "public" }),
        );
        expect(registered.clientId).toEqual(expect.any(String));
        const { accessToken } = emu.seedToken();
        const accounts = await new SSOClient({ region: "eu-west-1" }).send(
          new ListAccountsCommand({ accessToken }),
        );
        expect(accounts.accountList).toHaveLength(2);
      });
      expect(emu.stats()).toMatchObject({ RegisterClient: 1, ListAccounts: 1 });
    } finally {
      await emu.stop();
    }
  });

  it("listens on the requested port and refuses a taken one", async () => {
    const first = await startEmulator();
    try {
      await expect(startEmulator({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.stop();
    }
    const again = await startEmulator({ port: first.port });
    expect(again.port).toBe(first.port);
    await again.stop();
  });

  it("stop() closes idle keep-alive connections, hanging requests and pending delays at once", async () => {
    const emu = await startEmulator({ bodyTimeoutMs: 60_000 });
    const { accessToken } = emu.seedToken();
    emu.faults.add({ operation: "ListAccounts", delayMs: 60_000, times: 1 });
    const delayed = fetch(`${emu.url}/assignment/accounts`, {
      headers: { "x-amz-sso_bearer_token": accessToken },
    }).catch((error: unknown) => error);
    const hanging = new Promise<void>((resolve) => {
      const socket = connect(emu.port, "127.0.0.1", () => {
        socket.write("POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{");
      });
      socket.on("close", () => resolve());
      socket.on("error", () => undefined);
    });
    // Both requests are in: the body of CreateToken is still awaited, and ListAccounts has its body read and its
    // fault taken (the rule is gone), so it sleeps in the delay.
    await eventually(
      () => emu.stats().ListAccounts === 1 && emu.stats().CreateToken === 1 && emu.faults.list().length === 0,
    );
    await emu.stop();
    await hanging;
    expect(String(await delayed)).toMatch(/fetch failed/);
    expect(emu.requestLog()).toContainEqual({
      time: expect.any(String),
      operation: "ListAccounts",
      method: "GET",
      path: "/assignment/accounts",
      status: 0,
    });
    await expect(fetch(`${emu.url}/__emulator/stats`)).rejects.toThrow();
    await emu.stop();
  });

  it("keeps separate emulators independent", async () => {
    const [a, b] = await Promise.all([startEmulator(), startEmulator()]);
    try {
      const { accessToken } = a.seedToken();
      await new SSOClient({ region: "us-east-1", endpoint: a.url }).send(
        new GetRoleCredentialsCommand({ accessToken, accountId: "111111111111", roleName: "ReadOnly" }),
      );
      await expect(
        new SSOClient({ region: "us-east-1", endpoint: b.url }).send(
          new GetRoleCredentialsCommand({ accessToken, accountId: "111111111111", roleName: "ReadOnly" }),
        ),
      ).rejects.toThrow("Session token not found or invalid");
      expect(b.issuedCredentials()).toEqual([]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("rejects invalid options before listening", async () => {
    await expect(startEmulator({ accessTokenTtlSeconds: -1 })).rejects.toThrow(TypeError);
  });
});
