/**
 * Fuzzing the shared config file: generated `~/.aws/config` files (random lines and bytes, sections and keys
 * that sso-kit reads with right, wrong, empty, huge and unicode values, odd line endings) are resolved by the
 * config resolver, the token provider and the credential provider for the profile `fuzz`. Every call must end
 * in a value or a typed provider error (never a crash, never a hang), and neither the config file nor the
 * token files may be changed. Valid tokens are cached for the sessions and start URL the generator names, so
 * that plausible configs reach the token and GetRoleCredentials steps (against the emulator).
 * The official `fromSSO` of `@aws-sdk/credential-provider-sso` reads the same files; its endings are counted
 * for BENCHMARKS.md, not asserted.
 */
import { fromSSO as officialFromSSO } from "@aws-sdk/credential-provider-sso";
import { fromSSO } from "@sso-kit/credential-provider";
import { fromSso, resolveSsoProfile } from "@sso-kit/token-provider/internal";
import fc from "fast-check";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { recordFigure } from "./support/figures";
import { scaled } from "./support/scale";
import { ending, fuzzSeed, hugeString, oddString, tallyEndings } from "./support/fuzz";
import { useSandbox } from "./support/sandbox";

const RUNS = scaled(4_000, 500);
const PROFILE = "fuzz";
/** Names the generator uses for profiles and sessions: a valid token is cached for each. */
const NAMES = [PROFILE, "dev", "s", "default", "ünï ☃", "a b", ""];
const clientConfig = {
  maxAttempts: 1,
  requestHandler: { requestTimeout: 2_000, throwOnRequestTimeout: true },
};

// Thousands of GetRoleCredentials in a minute, on purpose: unthrottled, so that every plausible file reaches a value.
const sandbox = useSandbox({ portalRateLimit: false });

/** One line of a config file. */
const configLine = (startUrl: string): fc.Arbitrary<string> => {
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
    { weight: 1, arbitrary: oddString() },
  );
  const value = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(startUrl, "us-east-1", "111111111111", "ReadOnly", "sso:account:access"),
    },
    { weight: 3, arbitrary: name },
    { weight: 2, arbitrary: oddString() },
    {
      weight: 1,
      arbitrary: fc.constantFrom("", "https://", "http://127.0.0.1:1/start", "us-east-1 ; comment", "="),
    },
  );
  const key = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.constantFrom(
        "sso_session",
        "sso_start_url",
        "sso_region",
        "sso_account_id",
        "sso_role_name",
        "sso_registration_scopes",
        "region",
        "credential_process",
        "source_profile",
      ),
    },
    { weight: 1, arbitrary: oddString() },
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(key, fc.constantFrom(" = ", "=", " =", "= "), value).map((parts) => parts.join("")),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom("profile ", "sso-session ", "", "services ", "profile  "), name)
        .map(([kind, section]) => `[${kind}${section}]`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `[profile ${PROFILE}]`,
        "[sso-session dev]",
        "[default]",
        "[",
        "]",
        "#",
        ";x",
      ),
    },
    { weight: 1, arbitrary: oddString() },
    { weight: 1, arbitrary: fc.tuple(key, value).map(([k, v]) => `  ${k} = ${v}`) },
  );
};

/** A plausible config: the profile and its session, each value right or replaced, with noise lines mixed in. */
const nearlyValidConfig = (startUrl: string): fc.Arbitrary<string> => {
  const maybe = (right: string) =>
    fc.oneof({ weight: 4, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: oddString() });
  return fc
    .tuple(
      fc.constantFrom(...NAMES),
      maybe("111111111111"),
      maybe("ReadOnly"),
      maybe(startUrl),
      maybe("us-east-1"),
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(8), configLine(startUrl)), { maxLength: 3 }),
    )
    .map(([session, account, role, url, region, legacy, noise]) => {
      const lines = legacy
        ? [`[profile ${PROFILE}]`, `sso_start_url = ${url}`, `sso_region = ${region}`]
        : [`[profile ${PROFILE}]`, `sso_session = ${session}`];
      lines.push(`sso_account_id = ${account}`, `sso_role_name = ${role}`);
      if (!legacy) lines.push(`[sso-session ${session}]`, `sso_start_url = ${url}`, `sso_region = ${region}`);
      for (const [at, line] of noise) lines.splice(at % (lines.length + 1), 0, line);
      return lines.join("\n");
    });
};

/** A whole config file: lines joined by some line ending, nearly valid, now and then huge or pure noise. */
const configFile = (startUrl: string): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.array(configLine(startUrl), { maxLength: 24 }), fc.constantFrom("\n", "\r\n", "\r", "\n\n"))
        .map(([lines, eol]) => lines.join(eol)),
    },
    { weight: 6, arbitrary: nearlyValidConfig(startUrl) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
    { weight: 1, arbitrary: hugeString().map((huge) => `[profile ${PROFILE}]\nsso_session = ${huge}\n`) },
  );

test(`${RUNS} generated config files: only values or typed errors, no hang, no file changed`, async () => {
  const { emu, cache, configFile: path } = sandbox;
  for (const name of [...NAMES, emu.startUrl]) await sandbox.seedSession(name, 3_600_000);
  const tokenFiles = () =>
    readdirSync(cache.directory)
      .sort()
      .map((file) => `${file}:${readFileSync(join(cache.directory, file), "base64")}`)
      .join("\n");
  const tokensBefore = tokenFiles();
  const seed = fuzzSeed();
  const { endings, bad, note, count } = tallyEndings();
  const official = new Map<string, number>();
  let run = 0;
  // No credentials file: the config file alone decides.
  const filepath = join(sandbox.home, ".aws", "credentials-none");
  const init = { profile: PROFILE, configFilepath: path, filepath, ignoreCache: true };

  try {
    await fc.assert(
      fc.asyncProperty(configFile(emu.startUrl), async (content) => {
        run += 1;
        writeFileSync(path, content, { mode: 0o600 });
        const written = readFileSync(path);
        note("resolve", await ending(() => resolveSsoProfile(init)));
        note("token provider", await ending(() => fromSso({ ...init, clientConfig })()));
        note("credential provider", await ending(() => fromSSO({ ...init, clientConfig })()));
        if (!readFileSync(path).equals(written)) bad.push(`run ${run}: the config file was rewritten`);
        const theirs = await ending(() => officialFromSSO({ ...init, clientConfig })());
        const kind = theirs.startsWith("untyped")
          ? `untyped ${/^untyped: (\w+)/.exec(theirs)?.[1] ?? ""}`
          : theirs;
        official.set(kind, (official.get(kind) ?? 0) + 1);
        return bad.length === 0;
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
  } finally {
    rmSync(path, { force: true });
    const changedTokens = tokenFiles() !== tokensBefore;
    if (changedTokens) bad.push("a token file changed");
    recordFigure({
      id: "fuzz-config-files",
      summary:
        `${run} generated config files x 3 resolvers: ${count("typed error")} typed errors, ${count("value")} values, ` +
        `${bad.length} crashes/hangs/overwrites (seed ${seed}); official fromSSO on the same files: ` +
        [...official].map(([kind, n]) => `${n} ${kind}`).join(", "),
      data: {
        runs: run,
        seed,
        endings: Object.fromEntries(endings),
        bad,
        official: Object.fromEntries(official),
      },
    });
  }
  expect(bad).toEqual([]);
});
