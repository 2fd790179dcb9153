/**
 * Real-browser sign-in: headless Chromium opens what `login` asks it to open (through the `openBrowser`
 * callback), a "person" clicks Allow or Deny on the emulator's pages, and the login completes over the real
 * loopback redirect. Skipped, with a printed reason, only when no Chromium is installed.
 */
import { login, LoginError, type LoginResult } from "@sso-kit/login";
import { fromSso } from "@sso-kit/token-provider";
import { chromium, type Browser, type Page } from "playwright-core";

import { startLoginTestEnv, type LoginTestEnv } from "../support/login/loginTestEnv.js";
import { findChromium } from "../support/chromium";

const CHROMIUM = findChromium("test/login");

(CHROMIUM === undefined ? describe.skip : describe)("login in a real browser", () => {
  let browser: Browser;
  let page: Page;
  let env: LoginTestEnv;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    env = await startLoginTestEnv();
    page = await browser.newPage();
  });
  afterEach(async () => {
    await page?.close();
    await env?.close();
  });

  /** The login's browser: Chromium navigates to the URL, as the platform opener would. */
  const openInChromium = async (url: string): Promise<void> => {
    await page.goto(url);
  };

  it("completes the PKCE sign-in when the user clicks Allow", async () => {
    const signingIn = login({ profile: "dev", prompt: env.prompt, openBrowser: openInChromium });
    await page.waitForSelector("#allow");
    expect(await page.textContent("#client-name")).toBe("sso-kit-client-emu");
    await Promise.all([
      page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\?/),
      page.click("#allow"),
    ]);
    const result: LoginResult = await signingIn;
    expect(result).toMatchObject({ flow: "pkce", sessionName: "emu", registrationReused: false });
    expect(await page.textContent("h1")).toBe("Signed in");
    expect(await page.textContent("body")).toContain("You can close this tab");

    const token = await fromSso({ profile: "dev" })();
    expect(token.token).toMatch(/^emu-at-/);
    expect(token.expiration?.getTime()).toBe(result.expiresAt.getTime());
  }, 60_000);

  it("fails with AccessDenied when the user clicks Deny", async () => {
    const signingIn = login({ profile: "dev", prompt: env.prompt, openBrowser: openInChromium }).catch(
      (e: unknown) => e,
    );
    await page.waitForSelector("#deny");
    await Promise.all([page.waitForURL(/\/oauth\/callback\?error=access_denied/), page.click("#deny")]);
    const error = (await signingIn) as LoginError;
    expect(error).toBeInstanceOf(LoginError);
    expect(error.code).toBe("AccessDenied");
    expect(await page.textContent("h1")).toBe("Sign-in failed");
    expect(env.cacheFiles()).toHaveLength(1); // the registration only: no token was written
  }, 60_000);

  it("completes the device-code sign-in when the user approves the code", async () => {
    const signingIn = login({ profile: "legacy", prompt: env.prompt, openBrowser: openInChromium });
    await page.waitForSelector("#allow");
    expect(await page.textContent("#user-code")).toBe(env.prompts[0]?.userCode);
    await page.click("#allow");
    await page.waitForSelector("#result");
    expect(await page.getAttribute("#result", "data-result")).toBe("approved");
    await expect(signingIn).resolves.toMatchObject({ flow: "device", startUrl: env.emu.startUrl });
  }, 60_000);
});
