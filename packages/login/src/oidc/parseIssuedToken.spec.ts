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
    [{ accessToken: "at" }, "no valid expiresIn"],
    [{ accessToken: "at", expiresIn: 0 }, "no valid expiresIn"],
    [{ accessToken: "at", expiresIn: Number.NaN }, "no valid expiresIn"],
  ])("refuses %j", (output, message) => {
    expect(() => parseIssuedToken(output)).toThrow(expect.objectContaining({ code: "InvalidResponse" }));
    expect(() => parseIssuedToken(output)).toThrow(message);
  });
});
