import { redactSecretShapes } from "./redactSecretShapes.js";

const REDACTED = "[redacted]";

describe("redactSecretShapes", () => {
  it("redacts secret-named fields at any depth, whatever their casing", () => {
    expect(
      redactSecretShapes({
        token: { accessToken: "a", refreshToken: "r", clientSecret: "c", clientId: "id" },
        roleCredentials: [{ accessKeyId: "AKID", secretAccessKey: "s", sessionToken: "t" }],
        Credentials: { SecretAccessKey: "s", SessionToken: "t" },
        device: { deviceCode: "d", userCode: "ABCD-EFGH" },
      }),
    ).toEqual({
      token: { accessToken: REDACTED, refreshToken: REDACTED, clientSecret: REDACTED, clientId: "id" },
      roleCredentials: [{ accessKeyId: "AKID", secretAccessKey: REDACTED, sessionToken: REDACTED }],
      Credentials: { SecretAccessKey: REDACTED, SessionToken: REDACTED },
      device: { deviceCode: REDACTED, userCode: "ABCD-EFGH" },
    });
  });

  it("redacts secret-named pairs inside text, and errors' messages", () => {
    expect(redactSecretShapes('body {"accessToken":"abc.def","expiresIn":3600}')).toBe(
      `body {"accessToken":"${REDACTED}","expiresIn":3600}`,
    );
    expect(redactSecretShapes("refresh_token=rt-1&client_id=c")).toBe(
      `refresh_token=${REDACTED}&client_id=c`,
    );
    expect(redactSecretShapes(new Error("clientSecret: s3cr3t rejected"))).toEqual({
      name: "Error",
      message: `clientSecret: ${REDACTED} rejected`,
    });
  });

  it("cuts cycles", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    expect(redactSecretShapes(a)).toEqual({ name: "a", self: "[circular]" });
  });
});
