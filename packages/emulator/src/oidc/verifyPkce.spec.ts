import { verifyPkce } from "./verifyPkce.js";

describe("verifyPkce", () => {
  it("accepts the verifier of the AWS CLI's documented example", () => {
    expect(verifyPkce("a".repeat(64), "_-BU_nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs")).toBe(true);
  });

  it("rejects another verifier, a verifier outside RFC 7636's alphabet or length, and a padded challenge", () => {
    expect(verifyPkce("b".repeat(64), "_-BU_nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs")).toBe(false);
    expect(verifyPkce("a".repeat(42), "anything")).toBe(false);
    expect(verifyPkce(`${"a".repeat(63)}+`, "anything")).toBe(false);
    expect(verifyPkce("a".repeat(64), "_-BU_nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs=")).toBe(false);
  });
});
