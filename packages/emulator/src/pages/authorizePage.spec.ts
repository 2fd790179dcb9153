import { RegisterClientCommand } from "@aws-sdk/client-sso-oidc";
import { clickButton, parseForm } from "../../../../test/support/emulator/browser.js";
import { oidcClient } from "../../../../test/support/emulator/clients.js";
import {
  authorizeUrl,
  registerDeviceClient,
  registerPkceClient,
} from "../../../../test/support/emulator/flows.js";
import { pkcePair } from "../../../../test/support/emulator/pkce.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
let client: { clientId: string; clientSecret: string };
beforeAll(async () => {
  emu = await startEmulator({ deviceCodeTtlSeconds: 60 });
  client = await registerPkceClient(emu, 'My <b>CLI</b> & "friends"');
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

const redirectUri = "http://127.0.0.1:43210/oauth/callback";
const validParams = () => ({
  clientId: client.clientId,
  redirectUri,
  state: "state-123",
  challenge: pkcePair().challenge,
});
const get = (url: string) => fetch(url, { redirect: "manual" });
/** Changes of an /authorize URL, for the table of bad requests. */
const setParam = (name: string, value: string) => (url: URL) => url.searchParams.set(name, value);
const deleteParam = (name: string) => (url: URL) => url.searchParams.delete(name);

describe("GET /authorize", () => {
  it("shows a consent page with escaped client name, the scopes and Allow/Deny buttons", async () => {
    const res = await get(authorizeUrl(emu, validParams()));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toContain("My &lt;b&gt;CLI&lt;/b&gt; &amp; &quot;friends&quot;");
    expect(html).not.toContain("<b>CLI</b>");
    expect(html).toContain("<code>sso:account:access</code>");
    const form = parseForm(html);
    expect(form).toMatchObject({ method: "post", action: "/authorize" });
    expect(form.hidden.request_id).toMatch(/^[\w-]{20,}$/);
    expect(form.buttons).toEqual([
      { id: "allow", name: "decision", value: "allow", text: "Allow" },
      { id: "deny", name: "decision", value: "deny", text: "Deny" },
    ]);
    expect(emu.stats().Authorize).toBeGreaterThanOrEqual(1);
  });

  it("escapes hostile scopes of a client that registered none", async () => {
    const open = await oidcClient(emu).send(
      new RegisterClientCommand({
        clientName: "open",
        clientType: "public",
        grantTypes: ["authorization_code"],
        redirectUris: ["http://127.0.0.1/oauth/callback"],
      }),
    );
    const url = authorizeUrl(emu, {
      ...validParams(),
      clientId: open.clientId ?? "",
      scopes: '<script>alert("x")</script>',
    });
    const html = await (await get(url)).text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("Allow redirects (303) to the redirect URI with the code and the state", async () => {
    const page = await (await get(authorizeUrl(emu, validParams()))).text();
    const res = await clickButton(emu.url, page, "allow");
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get("code")).toMatch(/^emu-code-/);
    expect(location.searchParams.get("state")).toBe("state-123");
    const again = await clickButton(emu.url, page, "allow");
    expect(again.status).toBe(400);
    expect(again.headers.get("location")).toBeNull();
  });

  it("Deny redirects with error=access_denied and the state", async () => {
    const page = await (await get(authorizeUrl(emu, validParams()))).text();
    const res = await clickButton(emu.url, page, "deny");
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location") ?? "");
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: "access_denied", state: "state-123" });
  });

  it("an answer after the request expired gets an error page", async () => {
    const page = await (await get(authorizeUrl(emu, validParams()))).text();
    emu.clock.advance(61_000);
    const res = await clickButton(emu.url, page, "allow");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("expired");
  });

  it.each([
    ["an unknown client", setParam("client_id", "nope"), "invalid_client"],
    ["a missing client", deleteParam("client_id"), "invalid_client"],
    [
      "a non-loopback redirect URI",
      setParam("redirect_uri", "https://evil.example/oauth/callback"),
      "invalid_redirect_uri",
    ],
    ["an unregistered path", setParam("redirect_uri", "http://127.0.0.1:1/other"), "invalid_redirect_uri"],
    [
      "https on loopback",
      setParam("redirect_uri", "https://127.0.0.1:1/oauth/callback"),
      "invalid_redirect_uri",
    ],
    ["a wrong response type", setParam("response_type", "token"), "unsupported_response_type"],
    ["a missing state", deleteParam("state"), "invalid_request"],
    ["a plain challenge method", setParam("code_challenge_method", "plain"), "invalid_request"],
    ["a missing challenge", deleteParam("code_challenge"), "invalid_request"],
    ["an unregistered scope", setParam("scopes", "codewhisperer:completions"), "invalid_scope"],
    ["a repeated client_id", (u: URL) => u.searchParams.append("client_id", "other"), "invalid_client"],
  ])("answers %s with an HTML error page, never a redirect", async (_what, mutate, error) => {
    const url = new URL(authorizeUrl(emu, validParams()));
    mutate(url);
    const res = await get(url.toString());
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toContain(`<code>${error}</code>`);
  });

  it("rejects a client registered only for the device flow", async () => {
    const deviceOnly = await registerDeviceClient(emu);
    const res = await get(authorizeUrl(emu, { ...validParams(), clientId: deviceOnly.clientId }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("unauthorized_client");
  });

  it("rejects a forged request id and a missing decision", async () => {
    const forged = await fetch(`${emu.url}/authorize`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "request_id=forged&decision=allow",
      redirect: "manual",
    });
    expect(forged.status).toBe(400);
    expect(forged.headers.get("location")).toBeNull();
    const page = await (await get(authorizeUrl(emu, validParams()))).text();
    const { hidden } = parseForm(page);
    const noDecision = await fetch(`${emu.url}/authorize`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(hidden).toString(),
      redirect: "manual",
    });
    expect(noDecision.status).toBe(400);
  });
});
