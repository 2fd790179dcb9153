import { createCodeVerifier } from "./createCodeVerifier.js";

describe("createCodeVerifier", () => {
  it("gives 64 characters from the RFC 7636 unreserved set", () => {
    for (let i = 0; i < 50; i++) expect(createCodeVerifier()).toMatch(/^[A-Za-z0-9\-._~]{64}$/);
  });

  it("gives a different verifier each time", () => {
    const seen = new Set(Array.from({ length: 100 }, () => createCodeVerifier()));
    expect(seen.size).toBe(100);
  });

  it("uses the whole alphabet", () => {
    const used = new Set(Array.from({ length: 200 }, () => createCodeVerifier()).join(""));
    expect(used.size).toBe(66);
  });
});
