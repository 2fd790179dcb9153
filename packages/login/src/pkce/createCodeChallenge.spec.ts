import { createCodeChallenge } from "./createCodeChallenge.js";

describe("createCodeChallenge", () => {
  it("matches the AWS CLI vector (verifier 'a' * 64)", () => {
    expect(createCodeChallenge("a".repeat(64))).toBe("_-BU_nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs");
  });

  it("matches the RFC 7636 appendix B example", () => {
    expect(createCodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });
});
