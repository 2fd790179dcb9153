/**
 * Fuzzing the SSO token cache file: generated files (random bytes, random text, arbitrary JSON, token objects
 * whose fields have wrong types, huge values, odd timestamps and unicode, truncated JSON, forbidden keys) are
 * read by the cache store, the token provider and the credential provider. Every call must end in a value or a
 * typed provider error (never a TypeError or any other crash, never a hang), and the user's file must be left
 * byte for byte as it was. In-process, with the emulator behind every network call a valid-looking file causes.
 */
import { fromSSO } from "@sso-kit/credential-provider";
import { fromSsoSession } from "@sso-kit/token-provider";
import fc from "fast-check";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { recordFigure } from "./support/figures";
import { scaled } from "./support/scale";
import {
  anyValue,
  ending,
  fuzzSeed,
  hugeString,
  oddString,
  oddTimestamp,
  tallyEndings,
} from "./support/fuzz";
import { useSandbox } from "./support/sandbox";

const RUNS = scaled(6_000, 500);
const clientConfig = {
  maxAttempts: 1,
  requestHandler: { requestTimeout: 2_000, throwOnRequestTimeout: true },
};

const sandbox = useSandbox();

/** A token file's fields, each either right or wrong. */
const tokenObject = () => {
  const field = (right: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 3, arbitrary: right }, { weight: 1, arbitrary: anyValue() });
  return fc.record(
    {
      accessToken: field(fc.oneof(fc.string({ minLength: 1 }), oddString())),
      expiresAt: field(oddTimestamp()),
      refreshToken: field(oddString()),
      clientId: field(oddString()),
      clientSecret: field(oddString()),
      registrationExpiresAt: field(oddTimestamp()),
      region: field(fc.constantFrom("us-east-1", "eu-west-1", "", "us-east-1\u0000")),
      startUrl: field(fc.constantFrom("https://d-0000000000.awsapps.com/start", "", "http://[::1")),
      extra: fc.option(fc.dictionary(oddString(), anyValue(), { maxKeys: 3 }), { nil: undefined }),
    },
    { requiredKeys: [] },
  );
};

/** A cache file's content. */
const cacheFile: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: tokenObject().map((token) => JSON.stringify(token)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(tokenObject(), fc.nat())
      .map(([token, cut]) => JSON.stringify(token).slice(0, cut % (JSON.stringify(token).length + 1))),
  },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 4096 }) },
  { weight: 2, arbitrary: oddString() },
  { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__": {"accessToken": "x"}, "accessToken": "a", "expiresAt": "2099-01-01T00:00:00Z"}',
      '{"accessToken": "a", "expiresAt": "2099-01-01T00:00:00Z", "constructor": {"prototype": {}}}',
      '{"accessToken": "a", "accessToken": 5, "expiresAt": "2099-01-01T00:00:00Z"}',
      "[".repeat(100_000),
      "",
      "null",
      "\uFEFF{}",
    ),
  },
  {
    weight: 1,
    arbitrary: hugeString().map((huge) =>
      JSON.stringify({ accessToken: huge, expiresAt: "2099-01-01T00:00:00Z" }),
    ),
  },
);

test(`${RUNS} generated cache files: only values or typed errors, no hang, the file never rewritten`, async () => {
  const { cache } = sandbox;
  const seed = fuzzSeed();
  const { endings, bad, note, count } = tallyEndings();
  let run = 0;

  try {
    await fc.assert(
      fc.asyncProperty(cacheFile, async (content) => {
        const name = `fuzz-${run++}`;
        const path = cache.tokenPath(name);
        writeFileSync(path, content, { mode: 0o600 });
        const written = readFileSync(path);
        try {
          note("read", await ending(() => cache.readToken(name)));
          note(
            "token provider",
            await ending(() => fromSsoSession({ session: sandbox.session(name), clientConfig })()),
          );
          note(
            "credential provider",
            await ending(() => fromSSO({ ...sandbox.sessionRole(name), clientConfig })()),
          );
          const overwritten = !readFileSync(path).equals(written);
          if (overwritten) bad.push(`${name}: the file was rewritten`);
          return bad.length === 0;
        } finally {
          rmSync(path, { force: true });
        }
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
  } finally {
    recordFigure({
      id: "fuzz-cache-files",
      summary:
        `${run} generated cache files x 3 readers: ${count("typed error")} typed errors, ` +
        `${count("value")} values, ${bad.length} crashes/hangs/overwrites (seed ${seed})`,
      data: {
        runs: run,
        seed,
        endings: Object.fromEntries(endings),
        bad,
      },
    });
  }
  expect(bad).toEqual([]);
});
