import { SSOClient } from "@aws-sdk/client-sso";
import { defaultPortalEndpoint } from "./defaultPortalEndpoint.js";

const sdk = new SSOClient({ region: "us-east-1" });
const sdkEndpoint = (region: string): string =>
  sdk.config.endpointProvider({ Region: region, UseFIPS: false, UseDualStack: false }).url.href;

/** Regions of the aws, aws-cn and aws-us-gov partitions, and names their patterns admit. */
const KNOWN = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-northeast-1",
  "ap-northeast-3",
  "ap-south-2",
  "ap-southeast-7",
  "ca-central-1",
  "ca-west-1",
  "eu-central-2",
  "eu-north-1",
  "eu-south-2",
  "eu-west-3",
  "il-central-1",
  "me-central-1",
  "me-west-1",
  "mx-central-1",
  "sa-east-1",
  "sa-west-1",
  "cn-north-1",
  "cn-northwest-1",
  "us-gov-east-1",
  "us-gov-west-1",
  "eu-future-12",
  "cn-future-3",
  "us-gov-future-2",
];

test.each(KNOWN)("%s: the SDK's endpoint", (region) => {
  const endpoint = defaultPortalEndpoint(region);
  expect(endpoint).toEqual({
    protocol: "https:",
    hostname: expect.any(String),
    port: undefined,
    basePath: "/",
  });
  expect(`https://${endpoint?.hostname}/`).toBe(sdkEndpoint(region));
});

test.each([
  "us-iso-east-1",
  "us-isob-east-1",
  "eu-isoe-west-1",
  "us-isof-south-1",
  "eusc-de-east-1",
  "aws-global",
  "aws-cn-global",
  "aws-us-gov-global",
  "mars-east-1",
  "US-EAST-1",
  "us-east-1-fips",
  "fips-us-east-1",
  "us-east_x-1",
  "",
])("%j: not known here (left to the SDK client)", (region) => {
  expect(defaultPortalEndpoint(region)).toBeUndefined();
});
