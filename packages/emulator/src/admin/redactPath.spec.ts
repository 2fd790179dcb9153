import { redactPath } from "./redactPath.js";

describe("redactPath", () => {
  it("keeps harmless query values and redacts everything else", () => {
    const query = new URLSearchParams({
      account_id: "111111111111",
      role_name: "ReadOnly",
      code: "secret-code",
      state: "st",
      code_challenge: "challenge",
      user_code: "ABCD-EFGH",
      next_token: "tok",
    });
    expect(redactPath("/x", query)).toBe(
      "/x?account_id=111111111111&role_name=ReadOnly&code=REDACTED&state=REDACTED&code_challenge=REDACTED&user_code=REDACTED&next_token=REDACTED",
    );
    expect(redactPath("/token", new URLSearchParams())).toBe("/token");
  });
});
