import { parseEndpointUrl } from "./parseEndpointUrl.js";

test.each([
  ["http://127.0.0.1:4566", { protocol: "http:", hostname: "127.0.0.1", port: 4566, basePath: "/" }],
  [
    "https://Proxy.Example:443/sso/",
    { protocol: "https:", hostname: "proxy.example", port: undefined, basePath: "/sso/" },
  ],
  [
    "http://user:pw@host:80/a/../b?x=1#f",
    { protocol: "http:", hostname: "host", port: undefined, basePath: "/b" },
  ],
  ["http://[::1]:8080", { protocol: "http:", hostname: "[::1]", port: 8080, basePath: "/" }],
])("%s", (url, endpoint) => {
  expect(parseEndpointUrl(url)).toEqual(endpoint);
});

test.each(["not a url", "ftp://host/", "file:///etc/passwd", "", "http://"])(
  "%j: not an http(s) URL",
  (url) => {
    expect(parseEndpointUrl(url)).toBeUndefined();
  },
);
