/**
 * Fuzzing the shared role-credential cache file (`~/.aws/cli/cache/<key>.json`, as the AWS CLI or anything else
 * may have left it): generated files (random bytes, arbitrary JSON, cache entries whose fields have wrong types,
 * odd timestamps, truncated JSON, huge values) are read by the store and by `fromSSO` with
 * `roleCredentialCache: "shared"` on a valid session. The store must answer credentials or nothing (never throw,
 * never hang); the provider must always end in credentials (the file's only when they parse and are fresh,
 * otherwise fetched) and leave a file that parses. The same for the assume-role entries of a chained profile's
 * hop (the AssumeRole reply the AWS CLI caches, `AssumedRoleUser` and its `...UTC` expiries included). In-process,
 * with the emulator behind every fetch.
 */
import { fromSSO } from "@sso-kit/credential-provider";
import {
  parseRoleCredentialCacheFile,
  RoleCredentialCache,
  roleCredentialCacheKey,
} from "@sso-kit/credential-provider/internal";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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

const RUNS = scaled(500, 100);
const ASSUMED_RUNS = scaled(80, 20);
const SESSION = "fuzz-role-cache";
const clientConfig = {
  maxAttempts: 1,
  requestHandler: { requestTimeout: 2_000, throwOnRequestTimeout: true },
};

// Every run fetches anew: hundreds of GetRoleCredentials on purpose, which the portal's rate limit would answer
// with 429s (and fromSSO with the credentials it holds), leaving the file under test in place.
const sandbox = useSandbox({ portalRateLimit: false });

const field = (right: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 3, arbitrary: right }, { weight: 1, arbitrary: anyValue() });

/** An assume-role entry (the AssumeRole reply the AWS CLI caches), each field either right or wrong. */
const assumedRoleEntry = () =>
  fc.record(
    {
      ProviderType: fc.constantFrom(undefined, "sso"),
      Credentials: field(
        fc.record(
          {
            AccessKeyId: field(fc.oneof(fc.string({ minLength: 1 }), oddString())),
            SecretAccessKey: field(oddString()),
            SessionToken: field(oddString()),
            Expiration: field(
              fc.oneof(
                oddTimestamp(),
                fc.date({ noInvalidDate: true }).map((date) => `${date.toISOString().slice(0, 19)}UTC`),
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      AssumedRoleUser: field(
        fc.record({ AssumedRoleId: oddString(), Arn: oddString() }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: [] },
  );

/** A cache entry's fields, each either right or wrong. */
const cacheEntry = () => {
  return fc.record(
    {
      ProviderType: field(fc.constantFrom("sso", "assume-role", "")),
      Credentials: field(
        fc.record(
          {
            AccessKeyId: field(fc.oneof(fc.string({ minLength: 1 }), oddString())),
            SecretAccessKey: field(oddString()),
            SessionToken: field(oddString()),
            Expiration: field(oddTimestamp()),
            AccountId: field(oddString()),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  );
};

const fileContent = (entry: fc.Arbitrary<unknown>): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof(
    { weight: 6, arbitrary: entry.map((value) => JSON.stringify(value)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(entry, fc.nat())
        .map(([entry, cut]) => JSON.stringify(entry).slice(0, cut % (JSON.stringify(entry).length + 1))),
    },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 4096 }) },
    { weight: 2, arbitrary: oddString() },
    { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: hugeString().map((huge) =>
        JSON.stringify({
          ProviderType: "sso",
          Credentials: { AccessKeyId: huge, Expiration: "2099-01-01T00:00:00Z" },
        }),
      ),
    },
  );
const cacheFileContent = fileContent(cacheEntry());

test(`${RUNS} generated role-credential cache files: the store never throws, fromSSO always ends in credentials`, async () => {
  await sandbox.seedSession(SESSION, 3_600_000);
  const init = { ...sandbox.sessionRole(SESSION), roleCredentialCache: "shared" as const, clientConfig };
  const directory = join(sandbox.home, ".aws", "cli", "cache");
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const store = new RoleCredentialCache({ directory });
  const key = roleCredentialCacheKey({
    accountId: init.ssoAccountId!,
    roleName: init.ssoRoleName!,
    sessionName: SESSION,
  });
  await fuzzCacheFile({
    id: "fuzz-role-credential-cache-files",
    what: "role-credential cache files",
    content: cacheFileContent,
    runs: RUNS,
    store,
    key,
    entry: "sso",
    // A new token each run: the in-memory sharing key includes its digest, so nothing held in memory for
    // another run's file answers, while the file's key (session, account, role) stays the same.
    beforeResolve: () => sandbox.seedSession(SESSION, 3_600_000),
    resolve: () => fromSSO(init)(),
  });
});

test(`${ASSUMED_RUNS} generated assume-role cache files of a chained profile's hop: the store never throws, fromSSO always ends in credentials`, async () => {
  const { emu } = sandbox;
  const target = emu.accounts[1]!;
  const roleArn = `arn:aws:iam::${target.accountId}:role/${target.roles[0]!}`;
  const base = sandbox.sessionRole(SESSION);
  writeFileSync(
    sandbox.configFile,
    [
      "[profile fuzz-base]",
      `sso_session = ${SESSION}`,
      `sso_account_id = ${base.ssoAccountId!}`,
      `sso_role_name = ${base.ssoRoleName!}`,
      "[profile fuzz-chain]",
      `role_arn = ${roleArn}`,
      "source_profile = fuzz-base",
      "role_session_name = fuzz",
      `[sso-session ${SESSION}]`,
      `sso_start_url = ${emu.startUrl}`,
      `sso_region = ${emu.region}`,
    ].join("\n"),
  );
  // The config file changed since the test above read it: read it again (the SDK's loader keeps what it read).
  const init = {
    profile: "fuzz-chain",
    roleCredentialCache: "shared" as const,
    clientConfig,
    ignoreCache: true,
  };
  const directory = join(sandbox.home, ".aws", "cli", "cache");
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const store = new RoleCredentialCache({ directory, entry: "assume-role" });
  // The AWS CLI's name for the hop's file (see assumeRoleCacheKey): sha1 of json.dumps(sort_keys=True).
  const key = createHash("sha1").update(`{"RoleArn": "${roleArn}", "RoleSessionName": "fuzz"}`).digest("hex");
  const baseFile = new RoleCredentialCache({ directory }).path(
    roleCredentialCacheKey({
      accountId: base.ssoAccountId!,
      roleName: base.ssoRoleName!,
      sessionName: SESSION,
    }),
  );
  await fuzzCacheFile({
    id: "fuzz-assumed-role-cache-files",
    what: "assume-role cache files",
    content: fileContent(assumedRoleEntry()),
    runs: ASSUMED_RUNS,
    store,
    key,
    entry: "assume-role",
    // Neither the base's file nor (through a new token's sharing key) memory answers for the hop: only its
    // file, or an AssumeRole that replaces it.
    beforeResolve: async () => {
      rmSync(baseFile, { force: true });
      await sandbox.seedSession(SESSION, 3_600_000);
    },
    resolve: () => fromSSO(init)(),
  });
});

/** What {@link fuzzCacheFile} runs. */
interface CacheFileFuzz {
  /** The figure's id, and what the files are, for its summary. */
  id: string;
  what: string;
  content: fc.Arbitrary<string | Uint8Array>;
  runs: number;
  store: RoleCredentialCache;
  key: string;
  /** The kind of file `store` keeps. */
  entry: NonNullable<Parameters<typeof parseRoleCredentialCacheFile>[1]>;
  /** What each run does after writing its file and reading it through the store, before `resolve`. */
  beforeResolve: () => Promise<unknown>;
  resolve: () => Promise<unknown>;
}

/**
 * Writes each generated file where `store` keeps `key`, reads it through the store, then resolves credentials:
 * both must end in a value or a typed error, and the file left behind must be a usable cache entry (what the
 * provider fetched replaced whatever was there).
 */
const fuzzCacheFile = async (fuzz: CacheFileFuzz): Promise<void> => {
  const { store, key } = fuzz;
  const seed = fuzzSeed();
  const { endings, bad, note, count } = tallyEndings();
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fuzz.content, async (content) => {
        const at = run++;
        writeFileSync(store.path(key), content, { mode: 0o600 });
        note("store read", await ending(() => store.read(key)));
        await fuzz.beforeResolve();
        const end = await ending(fuzz.resolve);
        note("credential provider", end);
        if (end !== "value") bad.push(`run ${at}: fromSSO ended in ${end}`);
        const left = parseRoleCredentialCacheFile(
          JSON.parse(readFileSync(store.path(key), "utf8")),
          fuzz.entry,
        );
        if (!left.ok) bad.push(`run ${at}: the file left behind does not parse: ${left.reason}`);
        return bad.length === 0;
      }),
      { numRuns: fuzz.runs, seed, endOnFailure: true },
    );
  } finally {
    recordFigure({
      id: fuzz.id,
      summary:
        `${run} generated ${fuzz.what} x 2 readers: ${count("value")} values, ` +
        `${count("typed error")} typed errors, ${bad.length} crashes/hangs/unparseable leftovers (seed ${seed})`,
      data: { runs: run, seed, endings: Object.fromEntries(endings), bad },
    });
  }
  expect(bad).toEqual([]);
};
