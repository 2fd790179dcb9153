import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CreateTokenCommand } from "@aws-sdk/client-sso-oidc";
import { startEmulator, type Emulator } from "@sso-kit/emulator";
import { chromium, type Browser } from "playwright-core";
import { oidcClient } from "../support/emulator/clients";
import { authorizeUrl, pollDevice, registerPkceClient, startDevice } from "../support/emulator/flows";
import { pkcePair } from "../support/emulator/pkce";
import { findChromium } from "../support/chromium";

/** A Chromium to drive; the suite is skipped, saying why, on machines without one. */
const CHROMIUM = findChromium("test/emulator");

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
    const client = await registerPkceClient(emu, "browser-test");
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
      const { verifier, challenge } = pkcePair();
      const page = await browser.newPage();
      await page.goto(
        authorizeUrl(emu, { clientId: client.clientId, redirectUri, state: "browser-state", challenge }),
      );
      expect(await page.textContent("#client-name")).toBe("browser-test");
      await page.click("#allow");
      const params = await callback;
      expect(params.get("state")).toBe("browser-state");
      const tokens = await oidcClient(emu).send(
        new CreateTokenCommand({
          ...client,
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
    const { client, device } = await startDevice(emu);
    const page = await browser.newPage();
    await page.goto(`${emu.url}/device`);
    await page.fill("#user_code", device.userCode ?? "");
    await page.click("#submit");
    expect(await page.textContent("#user-code")).toBe(device.userCode);
    await page.click("#allow");
    expect(await page.getAttribute("#result", "data-result")).toBe("approved");
    const tokens = await pollDevice(emu, client, device.deviceCode);
    expect(tokens.accessToken).toEqual(expect.any(String));
    await page.close();
  });
});
