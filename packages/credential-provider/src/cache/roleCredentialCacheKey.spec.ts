import { readFileSync } from "node:fs";
import path from "node:path";
import { roleCredentialCacheKey } from "./roleCredentialCacheKey.js";

interface CacheKeyVector {
  kind: string;
  input: string;
  expectedSha1: string;
}

const vectors = (
  JSON.parse(
    readFileSync(
      path.join(__dirname, "../../../../test/fixtures/conformance/cache_key_vectors.json"),
      "utf8",
    ),
  ) as CacheKeyVector[]
).filter((vector) => vector.kind === "role-credentials");

describe("roleCredentialCacheKey", () => {
  it("has role-credential vectors to check", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(2);
  });

  it.each(vectors.map((vector) => [vector.input, vector] as const))(
    "matches the AWS CLI for %s",
    (_, vector) => {
      const input = JSON.parse(vector.input) as Parameters<typeof roleCredentialCacheKey>[0];
      expect(roleCredentialCacheKey(input)).toBe(vector.expectedSha1);
    },
  );

  it("does not depend on the order the caller wrote the keys in", () => {
    expect(roleCredentialCacheKey({ sessionName: "s", roleName: "r", accountId: "1" })).toBe(
      roleCredentialCacheKey({ accountId: "1", roleName: "r", sessionName: "s" }),
    );
  });

  it("escapes non-ASCII like Python's json.dumps (hashes computed with Python)", () => {
    expect(roleCredentialCacheKey({ accountId: "1", roleName: "r", sessionName: "café" })).toBe(
      "92e065fcda7f22a51b8d65121dc03010e528a38c",
    );
    expect(roleCredentialCacheKey({ accountId: "1", roleName: "r", startUrl: "https://x/\u{1F600}" })).toBe(
      "36820a88337c811f7f48494662302c4025dbe7fa",
    );
    // DEL too: Python escapes it as \u007f.
    expect(
      roleCredentialCacheKey({ accountId: "111111111111", roleName: "Read\u007fOnly", sessionName: "dev" }),
    ).toBe("d46f37de11abf1ee87f4b0d87a4bb5a2c9adec9e");
  });
});
