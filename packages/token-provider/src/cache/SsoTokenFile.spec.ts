import { CacheFileError } from "./CacheFileError.js";
import { parseSsoTokenFile } from "./SsoTokenFile.js";

describe("parseSsoTokenFile", () => {
  const base = { accessToken: "at", expiresAt: "2021-12-25T21:30:00Z" };
  const parse = (json: Record<string, unknown>) => parseSsoTokenFile("/cache/x.json", json);
  const failure = (json: Record<string, unknown>): CacheFileError => {
    try {
      parse(json);
    } catch (error) {
      expect(error).toBeInstanceOf(CacheFileError);
      return error as CacheFileError;
    }
    throw new Error("expected a CacheFileError");
  };

  it("keeps unknown fields and normalises timestamps", () => {
    expect(
      parse({
        ...base,
        expiresAt: "2021-12-25T21:30:00UTC",
        registrationExpiresAt: "2022-01-01T00:00:00Z",
        startURL: "x",
        extra: { n: 1 },
      }),
    ).toEqual({
      accessToken: "at",
      expiresAt: "2021-12-25T21:30:00.000Z",
      registrationExpiresAt: "2022-01-01T00:00:00.000Z",
      startURL: "x",
      extra: { n: 1 },
    });
  });

  it("treats null optional fields as absent", () => {
    expect(parse({ ...base, refreshToken: null, registrationExpiresAt: null })).toEqual({
      accessToken: "at",
      expiresAt: "2021-12-25T21:30:00.000Z",
    });
  });

  it.each([
    [{ expiresAt: base.expiresAt }, "must contain accessToken and expiresAt"],
    [{ accessToken: "at" }, "must contain accessToken and expiresAt"],
    [{ ...base, accessToken: "" }, "must contain accessToken and expiresAt"],
    [{ ...base, accessToken: 42 }, "must contain accessToken and expiresAt"],
    [{ ...base, expiresAt: "notatimestamp" }, "`expiresAt`"],
    [{ ...base, expiresAt: 1640467800 }, "`expiresAt`"],
    [{ ...base, refreshToken: 1 }, "`refreshToken` field"],
    [{ ...base, clientSecret: {} }, "`clientSecret` field"],
    [{ ...base, registrationExpiresAt: "soon" }, "`registrationExpiresAt`"],
  ])("rejects %j", (json, message) => {
    const error = failure(json);
    expect(error.reason).toBe("invalid-token");
    expect(error.message).toContain(message);
  });
});
