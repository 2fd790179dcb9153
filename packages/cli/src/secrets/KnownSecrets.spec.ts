import { KnownSecrets } from "./KnownSecrets.js";

describe("KnownSecrets", () => {
  it("remembers each secret once and skips undefined", () => {
    const secrets = new KnownSecrets();
    expect(secrets.values()).toEqual([]);
    secrets.add("access-token-1", undefined, "secret-key-1");
    secrets.add("access-token-1");
    expect(secrets.values()).toEqual(["access-token-1", "secret-key-1"]);
  });
});
