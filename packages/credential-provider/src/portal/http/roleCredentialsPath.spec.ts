import { roleCredentialsPath } from "./roleCredentialsPath.js";

const at = (basePath: string) => ({ protocol: "https:" as const, hostname: "h", port: undefined, basePath });

test.each([
  ["/", "/federation/credentials?account_id=1&role_name=R"],
  ["/sso", "/sso/federation/credentials?account_id=1&role_name=R"],
  ["/sso/", "/sso//federation/credentials?account_id=1&role_name=R"],
])("endpoint path %s: %s", (basePath, path) => {
  expect(roleCredentialsPath(at(basePath), "1", "R")).toBe(path);
});

test("values are escaped as RFC 3986 (the SDK's escaping, including !'()*)", () => {
  expect(roleCredentialsPath(at("/"), "1 2", "a/b+c!'()*é&=")).toBe(
    "/federation/credentials?account_id=1%202&role_name=a%2Fb%2Bc%21%27%28%29%2A%C3%A9%26%3D",
  );
});
