import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { configuredEndpoint, type ConfiguredEndpointService } from "./configuredEndpoint.js";
import { loadSharedConfig } from "./loadSharedConfig.js";

describe("configuredEndpoint", () => {
  const home = useTempHome({ prefix: "sso-kit-configured-endpoint-" });
  const writeConfig = (...lines: string[]) => {
    mkdirSync(join(home.dir, ".aws"), { recursive: true });
    writeFileSync(join(home.dir, ".aws", "config"), `${lines.join("\n")}\n`);
  };
  /** The endpoint of `service` for `profile`, from the files as the loader reads them now. */
  const endpointOf = async (profile: string, service: ConfiguredEndpointService) =>
    configuredEndpoint(await loadSharedConfig(), profile, service);
  const CONFIG = [
    "[profile plain]",
    "region = eu-west-1",
    "[profile own]",
    "endpoint_url = https://own.example.test",
    "[profile split]",
    "endpoint_url = https://own.example.test",
    "services = split",
    "[profile ignoring]",
    "endpoint_url = https://own.example.test",
    "ignore_configured_endpoint_urls = true",
    "[services split]",
    "sso =",
    "  endpoint_url = https://sso.example.test",
    "sts =",
    "  endpoint_url = https://sts.example.test",
  ];

  it("reads the named profile: its [services] section per service, then its endpoint_url", async () => {
    writeConfig(...CONFIG);
    process.env.AWS_PROFILE = "plain";
    await expect(endpointOf("split", "sso")).resolves.toEqual({
      endpoint: "https://sso.example.test",
    });
    await expect(endpointOf("split", "sts")).resolves.toEqual({
      endpoint: "https://sts.example.test",
    });
    await expect(endpointOf("split", "sso_oidc")).resolves.toEqual({
      endpoint: "https://own.example.test",
    });
    await expect(endpointOf("own", "sso_oidc")).resolves.toEqual({
      endpoint: "https://own.example.test",
    });
  });

  it("tells the client to ignore AWS_PROFILE's endpoints when the named profile has none", async () => {
    writeConfig(...CONFIG);
    process.env.AWS_PROFILE = "own";
    await expect(endpointOf("plain", "sso")).resolves.toEqual({ ignoreConfiguredEndpointUrls: true });
    await expect(endpointOf("missing", "sso")).resolves.toEqual({
      ignoreConfiguredEndpointUrls: true,
    });
  });

  it("puts the environment first: the service's variable, then AWS_ENDPOINT_URL", async () => {
    writeConfig(...CONFIG);
    process.env.AWS_ENDPOINT_URL = "https://all.example.test";
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = "https://oidc.env.example.test";
    await expect(endpointOf("split", "sso_oidc")).resolves.toEqual({
      endpoint: "https://oidc.env.example.test",
    });
    await expect(endpointOf("split", "sso")).resolves.toEqual({
      endpoint: "https://all.example.test",
    });
  });

  it("ignores every configured endpoint when the profile or AWS_IGNORE_CONFIGURED_ENDPOINT_URLS says so", async () => {
    writeConfig(...CONFIG);
    process.env.AWS_ENDPOINT_URL = "https://all.example.test";
    await expect(endpointOf("ignoring", "sso")).resolves.toEqual({
      ignoreConfiguredEndpointUrls: true,
    });
    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = "true";
    await expect(endpointOf("split", "sso")).resolves.toEqual({ ignoreConfiguredEndpointUrls: true });
    // The variable wins over the profile, either way.
    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = "false";
    await expect(endpointOf("ignoring", "sso")).resolves.toEqual({
      endpoint: "https://all.example.test",
    });
  });

  it("names the file, the section and the line of the setting when the profile's [services] section is missing", async () => {
    writeConfig(
      "[profile gone]",
      "region = eu-west-1",
      "services = nowhere",
      "[services elsewhere]",
      "sso =",
      "  endpoint_url = https://sso.example.test",
    );
    const file = join(home.dir, ".aws", "config");
    const error = await endpointOf("gone", "sso").catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: "TokenProviderError",
      tryNextLink: false,
      reason: "Misconfigured",
      message: expect.stringContaining(
        `Profile 'gone' sets services = nowhere (${file} line 3), but the config file ${file} has no [services nowhere] section`,
      ),
    });
    // As in the SDK, the variables decide first: the file's section is then not looked for.
    process.env.AWS_ENDPOINT_URL_SSO = "https://sso.env.example.test";
    await expect(endpointOf("gone", "sso")).resolves.toEqual({ endpoint: "https://sso.env.example.test" });
    await expect(endpointOf("gone", "sts")).rejects.toMatchObject({ reason: "Misconfigured" });
    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = "true";
    await expect(endpointOf("gone", "sts")).resolves.toEqual({ ignoreConfiguredEndpointUrls: true });
  });

  it("says why the loader skipped a [services] section that is there", async () => {
    writeConfig(
      "[profile odd]",
      "services = a#b",
      "[services a#b]",
      "sso =",
      "  endpoint_url = https://sso.example.test",
    );
    const file = join(home.dir, ".aws", "config");
    await expect(endpointOf("odd", "sso")).rejects.toMatchObject({
      message: expect.stringContaining(
        `[services a#b] in ${file} line 3 has a name with characters the AWS SDK for JavaScript does not accept`,
      ),
    });
  });
});
