import type { PortalEndpoint } from "./PortalEndpoint.js";

/**
 * The partitions whose portal host is known here, by the region patterns of the SDK's partition table
 * (`@aws-sdk/util-endpoints`). The other partitions (ISO, EUSC) have patterns none of these regions can match,
 * so the first match is the SDK's first match too. For aws-us-gov the SSO ruleset names `amazonaws.com` itself.
 */
const PARTITIONS: ReadonlyArray<readonly [pattern: RegExp, dnsSuffix: string]> = [
  [/^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, "amazonaws.com"],
  [/^cn-\w+-\d+$/, "amazonaws.com.cn"],
  [/^us-gov-\w+-\d+$/, "amazonaws.com"],
];

/** The SDK rejects a region that is not a host label (`Region not accepted`) before choosing an endpoint. */
const HOST_LABEL = /^(?!-)[a-zA-Z0-9-]{1,63}(?<!-)$/;

/**
 * `https://portal.sso.{region}.{dnsSuffix}`, the endpoint the SDK's SSO client resolves for `region` without FIPS,
 * dual-stack or a custom endpoint; `undefined` for a region of any other partition, or of none (the SDK would
 * fall back to the aws partition for an unknown name; such a region is left to it).
 */
export const defaultPortalEndpoint = (region: string): PortalEndpoint | undefined => {
  if (!HOST_LABEL.test(region)) return undefined;
  const dnsSuffix = PARTITIONS.find(([pattern]) => pattern.test(region))?.[1];
  if (dnsSuffix === undefined) return undefined;
  return {
    protocol: "https:",
    hostname: `portal.sso.${region}.${dnsSuffix}`,
    port: undefined,
    basePath: "/",
  };
};
