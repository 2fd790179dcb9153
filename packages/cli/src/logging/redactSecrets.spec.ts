import { REDACTED, redactSecrets, redactSecretsInText } from "./redactSecrets.js";

describe("redactSecrets", () => {
  it("redacts secret fields at any depth and keeps the rest", () => {
    expect(
      redactSecrets({
        startUrl: "https://x/start",
        token: { accessToken: "at", refreshToken: "rt", clientSecret: "cs", clientId: "id" },
        roleCredentials: [{ accessKeyId: "AKID", secretAccessKey: "sk", sessionToken: "st" }],
        Credentials: { SecretAccessKey: "sk2", SessionToken: "st2" },
        device: { deviceCode: "dc", userCode: "ABCD-EFGH" },
      }),
    ).toEqual({
      startUrl: "https://x/start",
      token: { accessToken: REDACTED, refreshToken: REDACTED, clientSecret: REDACTED, clientId: "id" },
      roleCredentials: [{ accessKeyId: "AKID", secretAccessKey: REDACTED, sessionToken: REDACTED }],
      Credentials: { SecretAccessKey: REDACTED, SessionToken: REDACTED },
      device: { deviceCode: REDACTED, userCode: "ABCD-EFGH" },
    });
  });

  it("redacts secrets inside strings and error messages", () => {
    expect(redactSecretsInText('body {"accessToken":"abc.def","expiresIn":3600}')).toBe(
      `body {"accessToken":"${REDACTED}","expiresIn":3600}`,
    );
    expect(redactSecretsInText("refresh_token=rt-1&client_id=c")).toBe(
      `refresh_token=${REDACTED}&client_id=c`,
    );
    expect(redactSecrets(new Error("clientSecret: s3cr3t rejected"))).toEqual({
      name: "Error",
      message: `clientSecret: ${REDACTED} rejected`,
    });
  });

  it("survives cycles", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    expect(redactSecrets(a)).toEqual({ name: "a", self: "[circular]" });
  });
});
