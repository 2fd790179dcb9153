import { redactSecrets } from "./redactSecrets.js";

describe("redactSecrets", () => {
  it("replaces every occurrence of every secret", () => {
    expect(
      redactSecrets("token aoa-123456 and secret cs-abcdef, again aoa-123456", ["aoa-123456", "cs-abcdef"]),
    ).toBe("token [redacted] and secret [redacted], again [redacted]");
  });

  it("skips undefined and short values, which would redact ordinary words", () => {
    expect(redactSecrets("the code is abc", [undefined, "abc", ""])).toBe("the code is abc");
  });

  it("redacts a secret that contains another one whole", () => {
    expect(redactSecrets("value abcdef-123456", ["abcdef", "abcdef-123456"])).toBe("value [redacted]");
  });

  it("leaves text without secrets as it is", () => {
    expect(redactSecrets("nothing to hide", ["secret-value"])).toBe("nothing to hide");
  });
});
