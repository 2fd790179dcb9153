import { configuredEndpointUrl } from "./configuredEndpointUrl.js";

test.each<[Record<string, string>, string | undefined]>([
  [{}, undefined],
  [{ AWS_ENDPOINT_URL_SSO: "http://sso" }, "http://sso"],
  [{ AWS_ENDPOINT_URL: "http://all" }, "http://all"],
  [{ AWS_ENDPOINT_URL_SSO: "http://sso", AWS_ENDPOINT_URL: "http://all" }, "http://sso"],
  [{ AWS_ENDPOINT_URL_SSO: "", AWS_ENDPOINT_URL: "http://all" }, "http://all"],
  [{ AWS_ENDPOINT_URL_SSO: "", AWS_ENDPOINT_URL: "" }, undefined],
  [{ AWS_ENDPOINT_URL_SSO: "http://sso", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }, undefined],
  [{ AWS_ENDPOINT_URL_SSO: "http://sso", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "false" }, "http://sso"],
  [{ AWS_ENDPOINT_URL_SSO: "http://sso", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "TRUE" }, "http://sso"],
])("%j → %s", (env, url) => {
  expect(configuredEndpointUrl(env)).toBe(url);
});
