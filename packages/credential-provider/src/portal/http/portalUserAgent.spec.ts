import { PACKAGE_VERSION } from "./PACKAGE_VERSION.js";
import { portalUserAgent } from "./portalUserAgent.js";

test("names sso-kit and its version, the runtime and the API", () => {
  expect(portalUserAgent(undefined)).toBe(
    `sso-kit/${PACKAGE_VERSION} lang/js md/nodejs#${process.versions.node} api/sso`,
  );
  expect(portalUserAgent("")).toBe(portalUserAgent(undefined));
});

test("appends app/<id>, with what a header value may not hold replaced by '-'", () => {
  expect(portalUserAgent("my-app_1.0")).toMatch(/ app\/my-app_1\.0$/);
  expect(portalUserAgent("my app/1.0\r\nx: y")).toMatch(/ app\/my-app-1\.0--x--y$/);
});
