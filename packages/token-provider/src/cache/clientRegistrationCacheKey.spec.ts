import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cacheFileName } from "./cacheFileName.js";
import { clientRegistrationCacheKey } from "./clientRegistrationCacheKey.js";

interface Vector {
  kind: string;
  input: string;
  inputObject?: { startUrl: string; region: string; scopes: string[] | null; session_name: string | null };
  expectedFileName: string;
}

const vectors = (
  JSON.parse(
    readFileSync(join(__dirname, "../../../../test/fixtures/conformance/cache_key_vectors.json"), "utf8"),
  ) as Vector[]
).filter((v) => v.kind === "oidc-registration");

describe("clientRegistrationCacheKey (cache_key_vectors.json, kind oidc-registration)", () => {
  it("has vectors", () => expect(vectors.length).toBeGreaterThan(0));

  it.each(vectors.map((v) => [v.expectedFileName, v] as const))("%s", (_name, vector) => {
    const object = vector.inputObject!;
    const key = clientRegistrationCacheKey({
      startUrl: object.startUrl,
      region: object.region,
      ...(object.scopes !== null && { scopes: object.scopes }),
      ...(object.session_name !== null && { sessionName: object.session_name }),
    });
    expect(key).toBe(vector.input);
    expect(cacheFileName(key)).toBe(vector.expectedFileName);
  });

  it("escapes non-ASCII like Python's json.dumps", () => {
    expect(clientRegistrationCacheKey({ startUrl: "https://é", region: "r" })).toBe(
      '{"region": "r", "scopes": null, "session_name": null, "startUrl": "https://\\u00e9", "tool": "botocore"}',
    );
  });
});
