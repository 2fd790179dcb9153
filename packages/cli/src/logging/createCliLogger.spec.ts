import { KnownSecrets } from "../secrets/KnownSecrets.js";
import { createCliLogger } from "./createCliLogger.js";

function capture(): { stream: { write(chunk: string): boolean }; text(): string } {
  let text = "";
  return {
    stream: {
      write(chunk: string) {
        text += chunk;
        return true;
      },
    },
    text: () => text,
  };
}

describe("createCliLogger", () => {
  it("writes debug lines only with --debug, and never a secret-named value", () => {
    const out = capture();
    const logger = createCliLogger({ stream: out.stream, debug: true, secrets: new KnownSecrets() });
    logger.debug("refreshed token", { accessToken: "AT-SECRET", expiresAt: "2030-01-01T00:00:00Z" });
    logger.info?.('response {"sessionToken":"ST-SECRET"}');
    expect(out.text()).toContain("sso-kit debug: refreshed token");
    expect(out.text()).toContain("2030-01-01T00:00:00Z");
    expect(out.text()).not.toMatch(/AT-SECRET|ST-SECRET/);
    expect(out.text().trim().split("\n")).toHaveLength(2);
  });

  it("redacts the run's known secrets wherever a line quotes them, even once added after creation", () => {
    const out = capture();
    const secrets = new KnownSecrets();
    const logger = createCliLogger({ stream: out.stream, debug: true, secrets });
    secrets.add("access-token-SENTINEL");
    const echoed = Object.assign(new Error("token access-token-SENTINEL expired"), {
      name: "UnauthorizedException",
    });
    logger.error({ commandName: "ListAccountsCommand", error: echoed });
    logger.debug("quoted: access-token-SENTINEL");
    expect(out.text()).not.toContain("access-token-SENTINEL");
    expect(out.text()).toContain("token [redacted] expired");
    expect(out.text()).toContain("sso-kit debug: quoted: [redacted]");
  });

  it("escapes control characters, and writes a message of several lines as prefixed lines", () => {
    const out = capture();
    const logger = createCliLogger({ stream: out.stream, debug: true, secrets: new KnownSecrets() });
    logger.warn("portal said \u001b]0;owned\u0007\u001b[2J\rdone");
    logger.debug("Error: x\n    at frame");
    expect(out.text()).toBe(
      "sso-kit warn: portal said \\x1b]0;owned\\x07\\x1b[2J\\x0ddone\nsso-kit debug: Error: x\nsso-kit debug:     at frame\n",
    );
  });

  it("stays quiet below warn without --debug, and at error (the SDK's record of each failed call)", () => {
    const out = capture();
    const logger = createCliLogger({ stream: out.stream, debug: false, secrets: new KnownSecrets() });
    logger.debug("hidden");
    logger.info("hidden");
    logger.trace?.("hidden");
    logger.error({ clientName: "SSOClient", commandName: "ListAccountsCommand", error: new Error("hidden") });
    logger.warn("token refresh failed", new Error("refreshToken=RT-SECRET rejected"));
    expect(out.text()).toBe(
      "sso-kit warn: token refresh failed { name: 'Error', message: 'refreshToken=[redacted] rejected' }\n",
    );
  });
});
