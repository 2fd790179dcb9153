/**
 * The endpoint the SDK's SSO client takes from the environment: `AWS_ENDPOINT_URL_SSO`, else `AWS_ENDPOINT_URL`
 * (empty values count as unset), unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true`. Any other value of that
 * variable is rejected by the SDK's reader, which then falls back to its default, `false`.
 */
export const configuredEndpointUrl = (
  env: Readonly<Record<string, string | undefined>>,
): string | undefined => {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true") return undefined;
  return env.AWS_ENDPOINT_URL_SSO || env.AWS_ENDPOINT_URL || undefined;
};
