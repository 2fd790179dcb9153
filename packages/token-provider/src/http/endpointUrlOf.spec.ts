import { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

import { endpointUrlOf } from "./endpointUrlOf.js";

describe("endpointUrlOf", () => {
  const saved = { sso: process.env.AWS_ENDPOINT_URL_SSO_OIDC, all: process.env.AWS_ENDPOINT_URL };
  beforeEach(() => {
    delete process.env.AWS_ENDPOINT_URL_SSO_OIDC;
    delete process.env.AWS_ENDPOINT_URL;
  });
  afterEach(() => {
    if (saved.sso === undefined) delete process.env.AWS_ENDPOINT_URL_SSO_OIDC;
    else process.env.AWS_ENDPOINT_URL_SSO_OIDC = saved.sso;
    if (saved.all === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = saved.all;
  });

  it("uses the endpoint given in the client configuration first", async () => {
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = "http://127.0.0.1:1";
    const client = new SSOOIDCClient({ region: "eu-west-1", endpoint: "http://127.0.0.1:4567/" });
    await expect(endpointUrlOf(client)).resolves.toBe("http://127.0.0.1:4567");
  });

  it("honours AWS_ENDPOINT_URL_SSO_OIDC", async () => {
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = "http://127.0.0.1:9876";
    const client = new SSOOIDCClient({ region: "eu-west-1" });
    await expect(endpointUrlOf(client)).resolves.toBe("http://127.0.0.1:9876");
  });

  it("falls back to the regional endpoint", async () => {
    const client = new SSOOIDCClient({ region: "eu-west-1" });
    await expect(endpointUrlOf(client)).resolves.toBe("https://oidc.eu-west-1.amazonaws.com");
  });

  it("follows the client's partition and FIPS settings", async () => {
    await expect(endpointUrlOf(new SSOOIDCClient({ region: "cn-north-1" }))).resolves.toBe(
      "https://oidc.cn-north-1.amazonaws.com.cn",
    );
    await expect(
      endpointUrlOf(new SSOOIDCClient({ region: "us-east-1", useFipsEndpoint: true })),
    ).resolves.toBe("https://oidc-fips.us-east-1.amazonaws.com");
  });

  it("drops a user name and password written into the endpoint URL", async () => {
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = "http://user:pass@127.0.0.1:9876/";
    await expect(endpointUrlOf(new SSOOIDCClient({ region: "eu-west-1" }))).resolves.toBe(
      "http://127.0.0.1:9876",
    );
    const custom = new SSOOIDCClient({
      region: "eu-west-1",
      endpoint: "https://user:pass@sso.example.com/base/",
    });
    await expect(endpointUrlOf(custom)).resolves.toBe("https://sso.example.com/base");
  });
});
