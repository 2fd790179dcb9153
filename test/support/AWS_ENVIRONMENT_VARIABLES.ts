/**
 * The variables that would point the AWS SDK, or sso-kit, somewhere else than a test's temporary HOME and emulator:
 * where the home and the shared files are, which profile, which endpoints and region, and credentials that would
 * be used before any SSO provider. Test support clears all of them and restores them afterwards; clearing one that
 * a test did not set is harmless, so this is one list for every test.
 */
export const AWS_ENVIRONMENT_VARIABLES = [
  "HOME",
  "USERPROFILE",
  "AWS_PROFILE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_LOGIN_CACHE_DIRECTORY",
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_SSO",
  "AWS_ENDPOINT_URL_SSO_OIDC",
  "AWS_ENDPOINT_URL_STS",
  "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
  "AWS_USE_FIPS_ENDPOINT",
  "AWS_USE_DUALSTACK_ENDPOINT",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
] as const;
