import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { platformBrowserOpener } from "./platformBrowserOpener.js";

const onLinux = process.platform === "linux" ? describe : describe.skip;

onLinux("platformBrowserOpener (Linux)", () => {
  const saved = {
    PATH: process.env.PATH,
    DISPLAY: process.env.DISPLAY,
    WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY,
  };
  let bin: string;
  let opened: string;

  beforeEach(() => {
    bin = mkdtempSync(path.join(tmpdir(), "sso-kit-opener-"));
    opened = path.join(bin, "opened.txt");
    // A stand-in xdg-open that records the URL it was asked to open.
    writeFileSync(path.join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    chmodSync(path.join(bin, "xdg-open"), 0o755);
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    delete process.env.WAYLAND_DISPLAY;
  });

  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(bin, { recursive: true, force: true });
  });

  async function waitForFile(file: string): Promise<string> {
    for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 25));
    return readFileSync(file, "utf8");
  }

  it("uses xdg-open when a display is available", async () => {
    process.env.DISPLAY = ":0";
    const open = platformBrowserOpener();
    expect(open).toBeDefined();
    const url = "https://example.com/authorize?a=1&b=%2F";
    await open!(url);
    expect(await waitForFile(opened)).toBe(url);
  });

  it("accepts a Wayland display too", () => {
    delete process.env.DISPLAY;
    process.env.WAYLAND_DISPLAY = "wayland-0";
    expect(platformBrowserOpener()).toBeDefined();
  });

  it("has no opener without a display", () => {
    delete process.env.DISPLAY;
    expect(platformBrowserOpener()).toBeUndefined();
  });

  it("has no opener when xdg-open is not on PATH", () => {
    process.env.DISPLAY = ":0";
    process.env.PATH = path.join(bin, "empty");
    expect(platformBrowserOpener()).toBeUndefined();
  });

  it("refuses URLs that are not http or https", () => {
    process.env.DISPLAY = ":0";
    expect(() => platformBrowserOpener()!("file:///etc/passwd")).toThrow("refusing to open a file: URL");
    expect(existsSync(opened)).toBe(false);
  });
});
