import type { SsoSessionStatus } from "./collectSsoStatus.js";
import { formatSsoStatus } from "./formatSsoStatus.js";

const now = new Date("2026-12-06T08:00:00.000Z");
const session: SsoSessionStatus = {
  kind: "sso-session",
  name: "corp",
  startUrl: "https://corp.awsapps.com/start",
  region: "eu-west-1",
  signedIn: true,
  expiresAt: "2026-12-06T09:00:00.000Z",
  canRefresh: true,
  registrationExpiresAt: "2027-03-01T00:00:00.000Z",
  profiles: ["a", "b"],
};

describe("formatSsoStatus", () => {
  it("says when a signed-in session expires and until when it can refresh", () => {
    const lines = formatSsoStatus(
      { configFile: "/c", sessions: [session], loginSessions: [], problems: [] },
      now,
    );
    expect(lines[0]).toBe("sso-session corp: https://corp.awsapps.com/start (eu-west-1)");
    expect(lines[1]).toMatch(/^ {2}signed in: {4}yes, access token expires 2026-12-06T09:00:00.000Z \(in /);
    expect(lines[2]).toMatch(/^ {2}can refresh: {2}yes, until the client registration expires 2027-03-01/);
    expect(lines[3]).toBe("  profiles:     a, b");
  });

  it("tells an expired registration, a missing token and a legacy session apart", () => {
    const lines = formatSsoStatus(
      {
        configFile: "/c",
        sessions: [
          {
            ...session,
            signedIn: false,
            canRefresh: false,
            expiresAt: "2026-12-06T07:00:00.000Z",
            registrationExpiresAt: "2026-12-01T00:00:00.000Z",
          },
          {
            ...session,
            name: "none",
            signedIn: false,
            canRefresh: false,
            expiresAt: null,
            registrationExpiresAt: null,
            profiles: [],
          },
          { ...session, kind: "legacy", name: session.startUrl, canRefresh: false },
        ],
        loginSessions: [{ profile: "console", loginSession: "arn:aws:iam::123456789012:user/a" }],
        problems: [],
      },
      now,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}can refresh: {2}no, the client registration expired 2026-12-01T00:00:00.000Z \(.* ago\)$/,
      ),
    );
    expect(lines).toContain("  signed in:    no (no cached token)");
    expect(lines).toContain("  profiles:     (none)");
    expect(lines).toContain("  can refresh:  no (legacy profiles without sso_session are never refreshed)");
    expect(lines.slice(-2)).toEqual(["aws login profiles (console credentials, not SSO):", "  console"]);
  });

  it("says when the config has no SSO session", () => {
    expect(formatSsoStatus({ configFile: "/c", sessions: [], loginSessions: [], problems: [] }, now)).toEqual(
      ["No SSO sessions in /c."],
    );
  });
});
