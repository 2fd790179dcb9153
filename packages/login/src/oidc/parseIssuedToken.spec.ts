import { parseIssuedToken } from "./parseIssuedToken.js";

describe("parseIssuedToken", () => {
  it("keeps the access token, its lifetime and the refresh token", () => {
    expect(parseIssuedToken({ accessToken: "at", expiresIn: 3600, refreshToken: "rt" })).toEqual({
      accessToken: "at",
      expiresIn: 3600,
      refreshToken: "rt",
    });
    expect(parseIssuedToken({ accessToken: "at", expiresIn: 60 })).toEqual({
      accessToken: "at",
      expiresIn: 60,
    });
  });

  it.each([
    [{ expiresIn: 3600 }, "no accessToken"],
    [{ accessToken: "", expiresIn: 3600 }, "no accessToken"],
    [{ accessToken: "at" }, "no expiresIn"],
    [{ accessToken: "at", expiresIn: 0 }, "already expired"],
    [{ accessToken: "at", expiresIn: Number.NaN }, "no expiresIn"],
    [{ accessToken: "at", expiresIn: 1e15 }, "an expiresIn of 1000000000000000 s"],
    [{ accessToken: "a".repeat(2_000_000), expiresIn: 3600 }, "an accessToken of 2000000 characters"],
    [{ accessToken: "at\nX-Injected: 1", expiresIn: 3600 }, "characters other than printable ASCII"],
    [{ accessToken: "at", expiresIn: 3600, refreshToken: "r".repeat(70_000) }, "a refreshToken of 70000"],
  ])("refuses %j", (output, message) => {
    expect(() => parseIssuedToken(output)).toThrow(expect.objectContaining({ code: "InvalidResponse" }));
    expect(() => parseIssuedToken(output)).toThrow(message);
  });
});
