/**
 * Which URL every call of sso-kit reaches, in every partition with IAM Identity Center (aws, aws-cn, aws-us-gov and
 * the European Sovereign Cloud), with the FIPS and dual-stack settings and with every kind of endpoint override:
 * sign-in (RegisterClient, StartDeviceAuthorization, the authorize URL of the PKCE flow, CreateToken), refresh
 * (CreateToken), GetRoleCredentials, AssumeRole (a role chain, with `sts_regional_endpoints`) and the CLI's
 * ListAccounts / ListAccountRoles.
 *
 * Real AWS hosts cannot be reached from here, so each SDK client gets, through the `clientConfig.requestHandler`
 * users have, a handler that records the URL the client addressed and hands the request to the emulator, whose
 * real replies (tokens, role credentials, SigV4 checks) carry the flow on. The expected URL is what the SDK's own
 * endpoint rules give for the same region and flags (sso-kit must pass them through, not know any host itself),
 * and a few hosts are also written out, so that a silently wrong resolution still fails.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { SSOClient } from "@aws-sdk/client-sso";
import { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { STSClient } from "@aws-sdk/client-sts";
import * as sdk from "@sso-kit/credential-provider";
import * as signIn from "@sso-kit/login";
import { fromSso, SsoTokenCache } from "@sso-kit/token-provider/internal";

import { listAccountsAndRoles } from "../../packages/cli/src/accounts/listAccountsAndRoles";
import { redirectingHandler, useEmulator, writeConfig } from "../support/credential-provider/testEnvironment";
import { forgetProcessWideState } from "../support/forgetProcessWideState";
import { useTempHome } from "../support/useTempHome";

/** A role the emulator's default directory gives the signed-in user, and one it lets that role assume. */
const ACCOUNT = "111111111111";
const ROLE = "ReadOnly";
const CHAINED_ROLE = `arn:aws:iam::222222222222:role/Deploy`;

/** One region per row; `suffix` is the partition's DNS suffix, written out to pin the SDK's answer. */
interface Partition {
  region: string;
  suffix: string;
  dualStackSuffix: string;
  startUrl: string;
}

/**
 * Start URLs as AWS documents them per partition (GovCloud: `start.us-gov-home.awsapps.com/directory/<id>`); the
 * European Sovereign Cloud's is shaped like China's, under `awsapps.eu`. sso-kit never parses them: they go to
 * StartDeviceAuthorization and into the cache key as written.
 */
const PARTITIONS: Partition[] = [
  {
    region: "us-east-1",
    suffix: "amazonaws.com",
    dualStackSuffix: "api.aws",
    startUrl: "https://d-9067000001.awsapps.com/start",
  },
  {
    region: "eu-west-1",
    suffix: "amazonaws.com",
    dualStackSuffix: "api.aws",
    startUrl: "https://my-company.awsapps.com/start/",
  },
  {
    region: "cn-north-1",
    suffix: "amazonaws.com.cn",
    dualStackSuffix: "api.amazonwebservices.com.cn",
    startUrl: "https://d-9067000002.awsapps.cn/start",
  },
  {
    region: "cn-northwest-1",
    suffix: "amazonaws.com.cn",
    dualStackSuffix: "api.amazonwebservices.com.cn",
    startUrl: "https://d-9067000003.awsapps.cn/start#/",
  },
  {
    region: "us-gov-west-1",
    suffix: "amazonaws.com",
    dualStackSuffix: "api.aws",
    startUrl: "https://start.us-gov-home.awsapps.com/directory/d-9867000004",
  },
  {
    region: "us-gov-east-1",
    suffix: "amazonaws.com",
    dualStackSuffix: "api.aws",
    startUrl: "https://start.us-gov-home.awsapps.com/directory/my-agency",
  },
  {
    region: "eusc-de-east-1",
    suffix: "amazonaws.eu",
    dualStackSuffix: "api.amazonwebservices.eu",
    startUrl: "https://d-9967000005.awsapps.eu/start",
  },
];

/** How the FIPS / dual-stack flags are set: not at all, by environment variable, or in the profile. */
interface Variant {
  name: string;
  fips: boolean;
  dualStack: boolean;
  env?: Record<string, string>;
  profileLines?: string[];
}

const VARIANTS: Variant[] = [
  { name: "no flags", fips: false, dualStack: false },
  { name: "AWS_USE_FIPS_ENDPOINT", fips: true, dualStack: false, env: { AWS_USE_FIPS_ENDPOINT: "true" } },
  {
    name: "use_dualstack_endpoint in the profile",
    fips: false,
    dualStack: true,
    profileLines: ["use_dualstack_endpoint = true"],
  },
  {
    name: "both, in the profile",
    fips: true,
    dualStack: true,
    profileLines: ["use_fips_endpoint = true", "use_dualstack_endpoint = true"],
  },
];

/** The URL (no trailing slash) the SDK's own endpoint rules give a bare client for these settings. */
const sdkEndpoint = (
  service: "sso" | "oidc" | "sts",
  region: string,
  fips: boolean,
  dualStack: boolean,
  useGlobalEndpoint = false,
): string => {
  const parameters = { Region: region, UseFIPS: fips, UseDualStack: dualStack };
  const url =
    service === "sso"
      ? new SSOClient({ region }).config.endpointProvider(parameters).url
      : service === "oidc"
        ? new SSOOIDCClient({ region }).config.endpointProvider(parameters).url
        : new STSClient({ region }).config.endpointProvider({
            ...parameters,
            UseGlobalEndpoint: useGlobalEndpoint,
          }).url;
  return url.href.replace(/\/$/, "");
};

/** The token cache's file name for `key` as the AWS CLI computes it: lowercase hex SHA-1 of the UTF-8 key. */
const cliCacheFile = (key: string): string => `${createHash("sha1").update(key, "utf8").digest("hex")}.json`;

const home = useTempHome({ prefix: "sso-kit-partitions-", createAwsDirectory: true });
const env = useEmulator({
  autoApprove: true,
  trust: { [CHAINED_ROLE]: [`arn:aws:iam::${ACCOUNT}:role/${ROLE}`] },
});

// No credentials shared in-process between cases: each resolves its own clients and credentials.
beforeEach(forgetProcessWideState);

/**
 * The config of one case: `work` through sso-session `corp` (PKCE sign-in), `legacy` with the start URL in the
 * profile (device sign-in), `chained` assuming a role with `work`'s credentials.
 */
const configOf = (partition: Partition, profileLines: string[] = [], extra: string[] = []): string =>
  [
    "[profile work]",
    "sso_session = corp",
    `sso_account_id = ${ACCOUNT}`,
    `sso_role_name = ${ROLE}`,
    ...profileLines,
    "[profile legacy]",
    `sso_start_url = ${partition.startUrl}`,
    `sso_region = ${partition.region}`,
    `sso_account_id = ${ACCOUNT}`,
    `sso_role_name = ${ROLE}`,
    ...profileLines,
    "[profile chained]",
    `role_arn = ${CHAINED_ROLE}`,
    "source_profile = work",
    "role_session_name = partitions",
    ...profileLines,
    "[sso-session corp]",
    `sso_start_url = ${partition.startUrl}`,
    `sso_region = ${partition.region}`,
    ...extra,
    "",
  ].join("\n");

/** A browser that approves on the emulator (auto-approving) whatever host the authorize URL names. */
const approvingBrowser = (shown: string[]) => async (url: string) => {
  shown.push(url);
  const atEmulator = new URL(`/authorize${new URL(url).search}`, env.emu.url);
  const answer = await fetch(atEmulator, { redirect: "manual" });
  const location = answer.headers.get("location");
  if (answer.status !== 303 || location === null) throw new Error(`the emulator answered ${answer.status}`);
  await (await fetch(location)).text();
};

/** What each call of one run reached: `OPERATION url` lines, in order. */
interface Run {
  calls: string[];
  authorizeUrls: string[];
}

/**
 * Signs in both ways (device for `legacy`, PKCE for `work`), gets role credentials, refreshes the session's token,
 * and assumes a role from it, recording where every request went.
 */
const runEverything = async (
  profile: { work: string; legacy: string; chained: string },
  files: { configFilepath?: string } = {},
): Promise<Run> => {
  const recorder = redirectingHandler(env.emu);
  const authorizeUrls: string[] = [];
  const clientConfig = { requestHandler: recorder.handler };
  await signIn.login({
    ...files,
    profile: profile.legacy,
    flow: "device",
    prompt: () => undefined,
    openBrowser: false,
    clientConfig,
  });
  await signIn.login({
    ...files,
    profile: profile.work,
    flow: "pkce",
    prompt: () => undefined,
    openBrowser: approvingBrowser(authorizeUrls),
    clientConfig,
  });
  await sdk.fromSSO({ ...files, profile: profile.legacy, clientConfig })();
  // The session's token has ended: the provider refreshes it (CreateToken) before GetRoleCredentials.
  await expireCachedToken("corp");
  await sdk.fromSSO({ ...files, profile: profile.work, clientConfig })();
  await sdk.fromSSO({ ...files, profile: profile.chained, clientConfig })();
  return { calls: recorder.seen.map(describeCall), authorizeUrls };
};

/** The operation of each path the flows use (STS: only AssumeRole, at `/`). */
const OPERATIONS: Record<string, string> = {
  "/client/register": "RegisterClient",
  "/device_authorization": "StartDeviceAuthorization",
  "/token": "CreateToken",
  "/federation/credentials": "GetRoleCredentials",
  "/": "AssumeRole",
};

const describeCall = ({ url }: { url: string }): string =>
  `${OPERATIONS[new URL(url).pathname] ?? "?"} ${url}`;

/** Moves the cached token's expiry into the past, so that the next call must refresh it. */
const expireCachedToken = async (key: string): Promise<void> => {
  const cache = new SsoTokenCache();
  const file = join(home.dir, ".aws", "sso", "cache", cliCacheFile(key));
  const token = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  await cache.writeToken(key, { ...token, expiresAt: "2020-01-01T00:00:00Z" } as never);
};

/** The calls one run makes, each at `base` of its service (`sso`, `oidc`, `sts`). */
const expectedCalls = (base: { sso: string; oidc: string; sts: string }): string[] => [
  // Device sign-in of `legacy`.
  `RegisterClient ${base.oidc}/client/register`,
  `StartDeviceAuthorization ${base.oidc}/device_authorization`,
  `CreateToken ${base.oidc}/token`,
  // PKCE sign-in of `work` (a registration of its own: another flow and scopes).
  `RegisterClient ${base.oidc}/client/register`,
  `CreateToken ${base.oidc}/token`,
  `GetRoleCredentials ${base.sso}/federation/credentials`,
  // Refresh, then the role.
  `CreateToken ${base.oidc}/token`,
  `GetRoleCredentials ${base.sso}/federation/credentials`,
  // The chain: its base's credentials are shared in-process, then one AssumeRole.
  `AssumeRole ${base.sts}/`,
];

describe.each(PARTITIONS.map((partition) => [partition.region, partition] as const))(
  "sso_region %s",
  (_, partition) => {
    test.each(VARIANTS.map((variant) => [variant.name, variant] as const))("%s", async (_name, variant) => {
      writeConfig(configOf(partition, variant.profileLines));
      Object.assign(process.env, variant.env);
      const { region } = partition;
      const { fips, dualStack } = variant;

      const run = await runEverything({ work: "work", legacy: "legacy", chained: "chained" });

      const base = {
        sso: sdkEndpoint("sso", region, fips, dualStack),
        oidc: sdkEndpoint("oidc", region, fips, dualStack),
        sts: sdkEndpoint("sts", region, fips, dualStack),
      };
      expect(run.calls).toEqual(expectedCalls(base));
      expect(run.authorizeUrls.map((url) => url.split("?")[0])).toEqual([`${base.oidc}/authorize`]);
      if (!fips && !dualStack) {
        // Written out: the partition's own hosts.
        expect(base).toEqual({
          sso: `https://portal.sso.${region}.${partition.suffix}`,
          oidc: `https://oidc.${region}.${partition.suffix}`,
          sts: `https://sts.${region}.${partition.suffix}`,
        });
      }
      if (dualStack && !partition.region.startsWith("us-gov")) {
        expect(new URL(base.sso).hostname.endsWith(`.${partition.dualStackSuffix}`)).toBe(true);
      }

      // Both sign-ins are cached where the AWS CLI looks: SHA-1 of the session name, and of the legacy start URL.
      const cacheDir = join(home.dir, ".aws", "sso", "cache");
      for (const [key, startUrl] of [
        ["corp", partition.startUrl],
        [partition.startUrl, partition.startUrl],
      ] as const) {
        const file = join(cacheDir, cliCacheFile(key));
        expect(existsSync(file)).toBe(true);
        expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ startUrl, region });
      }
    });
  },
);

/** Where each service goes when overridden; `regional` is the SDK's endpoint for the region, no flags. */
interface OverrideCase {
  name: string;
  env?: Record<string, string>;
  profileLines?: string[];
  extra?: string[];
  expected: (regional: { sso: string; oidc: string; sts: string }) => {
    sso: string;
    oidc: string;
    sts: string;
  };
}

const SERVICES_SECTION = [
  "[services corp-endpoints]",
  "sso =",
  "  endpoint_url = https://sso.services.example.test",
  "sso_oidc =",
  "  endpoint_url = https://oidc.services.example.test",
  "sts =",
  "  endpoint_url = https://sts.services.example.test",
];

const OVERRIDES: OverrideCase[] = [
  {
    name: "AWS_ENDPOINT_URL sends every service there",
    env: { AWS_ENDPOINT_URL: "https://all.example.test" },
    expected: () => ({
      sso: "https://all.example.test",
      oidc: "https://all.example.test",
      sts: "https://all.example.test",
    }),
  },
  {
    name: "AWS_ENDPOINT_URL_SSO, _SSO_OIDC and _STS win over AWS_ENDPOINT_URL",
    env: {
      AWS_ENDPOINT_URL: "https://all.example.test",
      AWS_ENDPOINT_URL_SSO: "https://sso.env.example.test",
      AWS_ENDPOINT_URL_SSO_OIDC: "https://oidc.env.example.test",
      AWS_ENDPOINT_URL_STS: "https://sts.env.example.test",
    },
    expected: () => ({
      sso: "https://sso.env.example.test",
      oidc: "https://oidc.env.example.test",
      sts: "https://sts.env.example.test",
    }),
  },
  {
    name: "one service-specific variable leaves the others regional",
    env: { AWS_ENDPOINT_URL_SSO_OIDC: "https://oidc.env.example.test" },
    expected: (regional) => ({ ...regional, oidc: "https://oidc.env.example.test" }),
  },
  {
    name: "endpoint_url in the profile",
    profileLines: ["endpoint_url = https://profile.example.test"],
    expected: () => ({
      sso: "https://profile.example.test",
      oidc: "https://profile.example.test",
      sts: "https://profile.example.test",
    }),
  },
  {
    name: "the profile's [services] section, per service, over its endpoint_url",
    profileLines: ["endpoint_url = https://profile.example.test", "services = corp-endpoints"],
    extra: SERVICES_SECTION,
    expected: () => ({
      sso: "https://sso.services.example.test",
      oidc: "https://oidc.services.example.test",
      sts: "https://sts.services.example.test",
    }),
  },
  {
    name: "environment variables over the config file",
    env: { AWS_ENDPOINT_URL_SSO: "https://sso.env.example.test" },
    profileLines: ["services = corp-endpoints"],
    extra: SERVICES_SECTION,
    expected: () => ({
      sso: "https://sso.env.example.test",
      oidc: "https://oidc.services.example.test",
      sts: "https://sts.services.example.test",
    }),
  },
  {
    name: "AWS_PROFILE naming another profile lends it neither endpoints nor flags",
    env: { AWS_PROFILE: "elsewhere" },
    extra: [
      "[profile elsewhere]",
      "endpoint_url = https://elsewhere.example.test",
      "use_fips_endpoint = true",
      "use_dualstack_endpoint = true",
    ],
    expected: (regional) => regional,
  },
  {
    name: "ignore_configured_endpoint_urls in the profile",
    env: { AWS_ENDPOINT_URL: "https://all.example.test" },
    profileLines: ["ignore_configured_endpoint_urls = true", "services = corp-endpoints"],
    extra: SERVICES_SECTION,
    expected: (regional) => regional,
  },
  {
    name: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    env: {
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true",
      AWS_ENDPOINT_URL_SSO: "https://sso.env.example.test",
    },
    profileLines: ["endpoint_url = https://profile.example.test"],
    expected: (regional) => regional,
  },
];

describe.each(["cn-north-1", "eusc-de-east-1"])("endpoint overrides, sso_region %s", (region) => {
  const partition = PARTITIONS.find((each) => each.region === region) as Partition;
  const regional = {
    sso: sdkEndpoint("sso", region, false, false),
    oidc: sdkEndpoint("oidc", region, false, false),
    sts: sdkEndpoint("sts", region, false, false),
  };

  test.each(OVERRIDES.map((override) => [override.name, override] as const))(
    "%s",
    async (_name, override) => {
      writeConfig(configOf(partition, override.profileLines, override.extra));
      Object.assign(process.env, override.env);

      const run = await runEverything({ work: "work", legacy: "legacy", chained: "chained" });

      const base = override.expected(regional);
      expect(run.calls).toEqual(expectedCalls(base));
      // The browser goes where the SSO-OIDC client goes.
      expect(run.authorizeUrls.map((url) => url.split("?")[0])).toEqual([`${base.oidc}/authorize`]);
    },
  );
});

describe("AssumeRole: the STS endpoint of a role chain", () => {
  afterEach(() => {
    delete process.env.AWS_STS_REGIONAL_ENDPOINTS;
  });

  /** `hop` is where the chain's profile sends STS; `expected` is written out, and checked against the SDK's rules. */
  test.each([
    {
      name: "sts_regional_endpoints = legacy: the global endpoint",
      region: "us-east-1",
      hop: ["sts_regional_endpoints = legacy"],
      useGlobalEndpoint: true,
      expected: "https://sts.amazonaws.com",
    },
    {
      name: "sts_regional_endpoints = legacy: no global endpoint outside aws",
      region: "cn-north-1",
      hop: ["sts_regional_endpoints = legacy"],
      useGlobalEndpoint: true,
      expected: "https://sts.cn-north-1.amazonaws.com.cn",
    },
    {
      name: "AWS_STS_REGIONAL_ENDPOINTS=legacy: still regional",
      region: "us-gov-west-1",
      env: { AWS_STS_REGIONAL_ENDPOINTS: "legacy" },
      hop: [],
      useGlobalEndpoint: true,
      expected: "https://sts.us-gov-west-1.amazonaws.com",
    },
    {
      name: "the hop profile's region",
      region: "us-gov-west-1",
      hop: ["region = us-gov-east-1"],
      stsRegion: "us-gov-east-1",
      useGlobalEndpoint: false,
      expected: "https://sts.us-gov-east-1.amazonaws.com",
    },
    {
      name: "sts_regional_endpoints = regional",
      region: "eusc-de-east-1",
      hop: ["sts_regional_endpoints = regional"],
      useGlobalEndpoint: false,
      expected: "https://sts.eusc-de-east-1.amazonaws.eu",
    },
  ])(
    "sso_region $region: $name",
    async ({ region, hop, env: variables, stsRegion, useGlobalEndpoint, expected }) => {
      const partition = PARTITIONS.find((each) => each.region === region) as Partition;
      const hopLines = ["[profile hop]", `role_arn = ${CHAINED_ROLE}`, "source_profile = work", ...hop];
      writeConfig(configOf(partition, [], hopLines));
      Object.assign(process.env, variables);
      const seeded = env.emu.seedToken();
      await new SsoTokenCache().writeToken("corp", env.emu.cachedToken(seeded));
      const recorder = redirectingHandler(env.emu);

      await sdk.fromSSO({ profile: "hop", clientConfig: { requestHandler: recorder.handler } })();

      const sts = recorder.seen.map(describeCall).filter((call) => call.startsWith("AssumeRole"));
      expect(sts).toEqual([`AssumeRole ${expected}/`]);
      expect(sdkEndpoint("sts", stsRegion ?? region, false, false, useGlobalEndpoint)).toBe(expected);
    },
  );
});

describe("sso-kit ls: ListAccounts and ListAccountRoles", () => {
  test("go where the profile's [services] section sends SSO, whatever AWS_PROFILE is", async () => {
    const partition = PARTITIONS.find((each) => each.region === "eusc-de-east-1") as Partition;
    writeConfig(
      configOf(
        partition,
        ["services = portal-here"],
        [
          "[services portal-here]",
          "sso =",
          `  endpoint_url = ${env.emu.url}`,
          "[profile other]",
          "region = eu-west-1",
        ],
      ),
    );
    process.env.AWS_PROFILE = "other";
    const seeded = env.emu.seedToken();
    await new SsoTokenCache().writeToken("corp", env.emu.cachedToken(seeded));

    const listing = await listAccountsAndRoles({ profile: "work" });

    expect(listing.region).toBe("eusc-de-east-1");
    expect(listing.accounts.length).toBeGreaterThan(0);
    expect(env.emu.stats()).toMatchObject({
      ListAccounts: expect.any(Number),
      ListAccountRoles: expect.any(Number),
    });
  });
});

describe("a config file given as configFilepath, not ~/.aws/config", () => {
  const partition = PARTITIONS.find((each) => each.region === "eu-west-1") as Partition;
  /** The same profiles in ~/.aws/config without any override, and with one in a file elsewhere. */
  const writeElsewhere = (extra: string[]): string => {
    writeConfig(configOf(partition));
    const dir = join(home.dir, "elsewhere");
    mkdirSync(dir, { recursive: true });
    const configFilepath = join(dir, "config");
    writeFileSync(configFilepath, configOf(partition, ["services = corp-endpoints"], extra), { mode: 0o600 });
    return configFilepath;
  };

  test("login and fromSSO take each service's endpoint from that file's [services] section", async () => {
    const configFilepath = writeElsewhere(SERVICES_SECTION);

    const run = await runEverything(
      { work: "work", legacy: "legacy", chained: "chained" },
      { configFilepath },
    );

    const base = {
      sso: "https://sso.services.example.test",
      oidc: "https://oidc.services.example.test",
      sts: "https://sts.services.example.test",
    };
    expect(run.calls).toEqual(expectedCalls(base));
    expect(run.authorizeUrls.map((url) => url.split("?")[0])).toEqual([`${base.oidc}/authorize`]);
  });

  test("the token provider on its own refreshes at that file's SSO-OIDC endpoint", async () => {
    const configFilepath = writeElsewhere(SERVICES_SECTION);
    const { startUrl, region } = partition;
    const expired = {
      ...env.emu.cachedToken(env.emu.seedToken(), { startUrl, region }),
      expiresAt: "2020-01-01T00:00:00Z",
    };
    await new SsoTokenCache().writeToken("corp", expired);
    const recorder = redirectingHandler(env.emu);

    await fromSso({ profile: "work", configFilepath, clientConfig: { requestHandler: recorder.handler } })();

    expect(recorder.seen.map(describeCall)).toEqual(["CreateToken https://oidc.services.example.test/token"]);
  });

  test("the CLI's listing (configure's staged config) reaches the portal that file names", async () => {
    const configFilepath = writeElsewhere([
      "[services corp-endpoints]",
      "sso =",
      `  endpoint_url = ${env.emu.url}`,
    ]);
    const seeded = env.emu.seedToken();
    await new SsoTokenCache().writeToken("corp", env.emu.cachedToken(seeded));

    const listing = await listAccountsAndRoles({ profile: "work", configFilepath });

    expect(listing.accounts.length).toBeGreaterThan(0);
    expect(env.emu.stats()).toMatchObject({ ListAccounts: 1, ListAccountRoles: listing.accounts.length });
  });
});

describe("a services setting naming no [services] section", () => {
  const partition = PARTITIONS.find((each) => each.region === "eu-west-1") as Partition;

  test("is a configuration error naming the file, the line and the section, before any call", async () => {
    const file = writeConfig(
      configOf(
        partition,
        [],
        ["[profile hop]", `role_arn = ${CHAINED_ROLE}`, "source_profile = work", "services = nowhere"],
      ),
    );
    const named = expect.stringContaining(
      `Profile 'hop' sets services = nowhere (${file} line 20), but the config file ${file} has no [services nowhere] section`,
    );
    const seeded = env.emu.seedToken();
    await new SsoTokenCache().writeToken("corp", env.emu.cachedToken(seeded, partition));
    // Every client of the chain takes the endpoints of the profile asked for (as the AWS CLI's do).
    const recorder = redirectingHandler(env.emu);
    await expect(
      sdk.fromSSO({ profile: "hop", clientConfig: { requestHandler: recorder.handler } })(),
    ).rejects.toMatchObject({
      reason: "InvalidConfig",
      tryNextLink: false,
      message: named,
    });

    expect(recorder.seen).toEqual([]);
  });

  test("stops sign-in, fromSSO and a token refresh alike", async () => {
    writeConfig(configOf(partition, ["services = nowhere"]));
    const seeded = env.emu.seedToken();
    await new SsoTokenCache().writeToken("corp", env.emu.cachedToken(seeded, partition));
    const recorder = redirectingHandler(env.emu);
    await expect(
      sdk.fromSSO({ profile: "work", clientConfig: { requestHandler: recorder.handler } })(),
    ).rejects.toMatchObject({
      reason: "InvalidConfig",
      tryNextLink: false,
      message: expect.stringContaining("[services nowhere]"),
    });
    await expect(
      signIn.login({ profile: "work", flow: "device", prompt: () => undefined, openBrowser: false }),
    ).rejects.toMatchObject({
      name: "LoginError",
      code: "InvalidConfig",
      message: expect.stringContaining("[services nowhere]"),
    });
    // A refresh cannot know where to go either; the message says what is wrong, not "sign in".
    await expireCachedToken("corp");
    await expect(
      fromSso({ profile: "work", clientConfig: { requestHandler: recorder.handler } })(),
    ).rejects.toMatchObject({
      reason: "Misconfigured",
      tryNextLink: false,
      message: expect.stringContaining("[services nowhere]"),
    });
    expect(recorder.seen).toEqual([]);
    expect(env.emu.requestLog()).toEqual([]);
  });
});
