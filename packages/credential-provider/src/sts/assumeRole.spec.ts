import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { ProviderClients } from "../clients/ProviderClients.js";
import type { RoleHop } from "../config/RoleHop.js";
import { roleHop } from "../../../../test/support/credential-provider/roleHop.js";
import { adoptCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import {
  redirectingHandler,
  useEmulator,
} from "../../../../test/support/credential-provider/testEnvironment.js";
import { assumeRole } from "./assumeRole.js";

beforeAll(() => adoptCredentialsProviderError());

// No AWS_* variable or ~/.aws/config of the machine may choose the endpoint.
useTempHome({ prefix: "sso-kit-assume-role-" });
const env = useEmulator();

const hop = (more: Partial<RoleHop>): RoleHop => roleHop({ roleSessionName: "alice", ...more });

const source = {
  accessKeyId: "ASIASOURCE",
  secretAccessKey: "source-secret",
  sessionToken: "source-token",
  expiration: Date.now() + 3_600_000,
};

describe("where STS is called, through the merged client config", () => {
  it.each<[string, Partial<RoleHop>, string]>([
    ["the profile's region", { region: "eu-west-1" }, "https://sts.eu-west-1.amazonaws.com/"],
    ["no region: the chain's SSO region", {}, "https://sts.us-west-2.amazonaws.com/"],
    [
      "sts_regional_endpoints = legacy in a legacy region: the global endpoint",
      { region: "us-east-1", useGlobalEndpoint: true },
      "https://sts.amazonaws.com/",
    ],
  ])("%s", async (_, settings, url) => {
    const redirect = redirectingHandler(env.emu);
    const { logger, lines } = recordingLogger();
    const clients = new ProviderClients(
      { clientConfig: { requestHandler: redirect.handler, logger } },
      logger,
    );
    // The emulator then refuses the request (credentials it never issued): only where it went matters here.
    await assumeRole({
      clients,
      hop: hop(settings),
      source,
      defaultRegion: "us-west-2",
      mfaCodeProvider: undefined,
      logger,
    }).catch(() => undefined);
    expect(redirect.seen.map((request) => request.url)).toEqual([url]);
    expect(env.emu.stats().AssumeRole).toBe(1);
    expect(lines.some((line) => line.includes("AssumeRoleCommand"))).toBe(true);
    expect(lines.join("\n")).not.toContain(source.secretAccessKey);
  });
});

it("an MFA profile without mfaCodeProvider fails before any call", async () => {
  const clients = new ProviderClients({}, undefined);
  await expect(
    assumeRole({
      clients,
      hop: hop({ mfaSerial: "arn:aws:iam::111111111111:mfa/alice" }),
      source,
      defaultRegion: "us-east-1",
      mfaCodeProvider: undefined,
      logger: undefined,
    }),
  ).rejects.toMatchObject({ reason: "InvalidConfig", tryNextLink: false });
  expect(env.emu.stats().AssumeRole).toBe(0);
});
