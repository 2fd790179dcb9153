import { CACHE_FILE_MAX_BYTES } from "../cache/CACHE_FILE_MAX_BYTES.js";
import { EXPIRES_IN_MAX_SECONDS, parseCreateTokenReply, TOKEN_MAX_CHARS } from "./parseCreateTokenReply.js";

describe("parseCreateTokenReply", () => {
  it("keeps a usable reply; a null or empty refresh token is absent", () => {
    expect(parseCreateTokenReply({ accessToken: "at-1", expiresIn: 3600, refreshToken: "rt-1" })).toEqual({
      accessToken: "at-1",
      expiresIn: 3600,
      refreshToken: "rt-1",
    });
    expect(parseCreateTokenReply({ accessToken: "at 1", expiresIn: 1, refreshToken: null })).toEqual({
      accessToken: "at 1",
      expiresIn: 1,
    });
    expect(parseCreateTokenReply({ accessToken: "at", expiresIn: 60, refreshToken: "" })).toEqual({
      accessToken: "at",
      expiresIn: 60,
    });
  });

  it.each([
    [undefined, "no accessToken"],
    [{ accessToken: 42, expiresIn: 3600 }, "no accessToken"],
    [{ accessToken: "", expiresIn: 3600 }, "no accessToken"],
    [{ accessToken: "x".repeat(TOKEN_MAX_CHARS + 1), expiresIn: 3600 }, "an accessToken of 65537 characters"],
    [{ accessToken: "at\r\nSet-Cookie: x", expiresIn: 3600 }, "characters other than printable ASCII"],
    [{ accessToken: "at", expiresIn: "3600" }, "no expiresIn"],
    [{ accessToken: "at", expiresIn: Number.POSITIVE_INFINITY }, "no expiresIn"],
    [{ accessToken: "at", expiresIn: 0 }, "already expired"],
    [{ accessToken: "at", expiresIn: 1e15 }, "an expiresIn of 1000000000000000 s"],
    [{ accessToken: "at", expiresIn: 3600, refreshToken: [] }, "a refreshToken that is not a string"],
    [
      { accessToken: "at", expiresIn: 3600, refreshToken: "r".repeat(TOKEN_MAX_CHARS + 1) },
      "a refreshToken of",
    ],
  ])("refuses %j: %s", (reply, problem) => {
    const parsed = parseCreateTokenReply(reply);
    expect(parsed).toEqual({ problem: expect.stringContaining(problem) });
  });

  it("accepts nothing whose token file the reader would refuse", () => {
    const largest = {
      accessToken: "a".repeat(TOKEN_MAX_CHARS),
      refreshToken: "r".repeat(TOKEN_MAX_CHARS),
      expiresIn: EXPIRES_IN_MAX_SECONDS,
    };
    expect(parseCreateTokenReply(largest)).toEqual(largest);
    expect(new Date(Date.now() + largest.expiresIn * 1000).toISOString()).toMatch(/^\d{4}-/);
    expect(JSON.stringify(largest, null, 2).length).toBeLessThan(CACHE_FILE_MAX_BYTES / 4);
  });
});
