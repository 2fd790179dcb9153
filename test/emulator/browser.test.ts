import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, randomBytes } from "node:crypto";
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from "@aws-sdk/client-sso-oidc";
import { startEmulator, type Emulator } from "@sso-kit/emulator";
import { chromium, type Browser } from "playwright-core";

/** A Chromium to drive; the suite is skipped on machines without one. */
const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate): candidate is string => candidate !== undefined && existsSync(candidate),
);

(CHROMIUM === undefined ? describe.skip : describe)("the emulator's pages in headless Chromium", () => {
  let emu: Emulator;
  let browser: Browser;
  beforeAll(async () => {
    emu = await startEmulator();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
    await emu?.stop();
  });

  it("signs in with authorization code + PKCE: Allow redirects to the loopback callback", async () => {
    const oidc = new SSOOIDCClient({ region: emu.region, endpoint: emu.url });
    const client = await oidc.send(
      new RegisterClientCommand({
        clientName: "browser-test",
        clientType: "public",
        scopes: ["sso:account:access"],
        grantTypes: ["authorization_code", "refresh_token"],
        redirectUris: ["http://127.0.0.1/oauth/callback"],
      }),
    );
    let server: Server | undefined;
    const callback = new Promise<URLSearchParams>((resolve) => {
      server = createServer((req, res) => {
        res.end("signed in");
        resolve(new URL(req.url ?? "/", "http://127.0.0.1").searchParams);
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    try {
      const redirectUri = `http://127.0.0.1:${(server?.address() as AddressInfo).port}/oauth/callback`;
      const verifier = randomBytes(48).toString("base64url");
      const query = new URLSearchParams({
        response_type: "code",
        client_id: client.clientId ?? "",
        redirect_uri: redirectUri,
        state: "browser-state",
        code_challenge_method: "S256",
        scopes: "sso:account:access",
        code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      });
      const page = await browser.newPage();
      await page.goto(`${emu.url}/authorize?${query.toString()}`);
      expect(await page.textContent("#client-name")).toBe("browser-test");
      await page.click("#allow");
      const params = await callback;
      expect(params.get("state")).toBe("browser-state");
      const tokens = await oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: "authorization_code",
          code: params.get("code") ?? "",
          redirectUri,
          codeVerifier: verifier,
        }),
      );
      expect(tokens.accessToken).toEqual(expect.any(String));
      await page.close();
    } finally {
      server?.close();
    }
  });

  it("approves a device code on the verification page", async () => {
    const oidc = new SSOOIDCClient({ region: emu.region, endpoint: emu.url });
    const client = await oidc.send(
      new RegisterClientCommand({ clientName: "device-browser", clientType: "public" }),
    );
    const device = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        startUrl: emu.startUrl,
      }),
    );
    const page = await browser.newPage();
    await page.goto(`${emu.url}/device`);
    await page.fill("#user_code", device.userCode ?? "");
    await page.click("#submit");
    expect(await page.textContent("#user-code")).toBe(device.userCode);
    await page.click("#allow");
    expect(await page.getAttribute("#result", "data-result")).toBe("approved");
    const tokens = await oidc.send(
      new CreateTokenCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        grantType: "urn:ietf:params:oauth:grant-type:device_code",
        deviceCode: device.deviceCode,
      }),
    );
    expect(tokens.accessToken).toEqual(expect.any(String));
    await page.close();
  });
});
