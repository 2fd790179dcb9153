import { clickButton, parseForm } from "../../../../test/support/emulator/browser.js";
import { pollDevice, startDevice } from "../../../../test/support/emulator/flows.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ deviceCodeTtlSeconds: 60 });
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.setOffset(0));

describe("the device verification page", () => {
  it("GET /device without a code shows a form to type it", async () => {
    const res = await fetch(`${emu.url}/device`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="user_code"');
    expect(parseForm(html)).toMatchObject({ method: "get", action: "/device" });
  });

  it("shows the user code and the client, and Allow approves it", async () => {
    const { client, device } = await startDevice(emu);
    const res = await fetch(device.verificationUriComplete ?? "");
    const html = await res.text();
    expect(html).toContain(`<code id="user-code">${device.userCode}</code>`);
    expect(html).toContain("test-device");
    const answer = await clickButton(emu.url, html, "allow");
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('data-result="approved"');
    await expect(pollDevice(emu, client, device.deviceCode)).resolves.toHaveProperty("accessToken");
    expect(emu.stats().DeviceVerification).toBeGreaterThanOrEqual(2);
  });

  it("accepts the code typed in lower case and without the dash", async () => {
    const { device } = await startDevice(emu);
    const typed = (device.userCode ?? "").replace("-", "").toLowerCase();
    const html = await (await fetch(`${emu.url}/device?user_code=${typed}`)).text();
    expect(parseForm(html).buttons.map((button) => button.text)).toEqual(["Allow", "Deny"]);
  });

  it("Deny reports it, and the page cannot be answered twice", async () => {
    const { device } = await startDevice(emu);
    const html = await (await fetch(device.verificationUriComplete ?? "")).text();
    expect(await (await clickButton(emu.url, html, "deny")).text()).toContain('data-result="denied"');
    expect((await clickButton(emu.url, html, "allow")).status).toBe(400);
    const reopened = await fetch(device.verificationUriComplete ?? "");
    expect(reopened.status).toBe(400);
    expect(await reopened.text()).toContain("already");
  });

  it("answers unknown and expired codes with an error page that escapes the input", async () => {
    const unknown = await fetch(
      `${emu.url}/device?user_code=${encodeURIComponent('<img src=x onerror="1">')}`,
    );
    expect(unknown.status).toBe(400);
    const text = await unknown.text();
    expect(text).toContain("invalid_user_code");
    expect(text).not.toContain("<img");
    const { device } = await startDevice(emu);
    emu.clock.advance(60_000);
    const expired = await fetch(device.verificationUriComplete ?? "");
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain("expired");
  });
});
