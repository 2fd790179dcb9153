/** OAuth grant types, as sent in `grantType` / registered in `grantTypes`. */
export const GRANT_TYPES = {
  deviceCode: "urn:ietf:params:oauth:grant-type:device_code",
  authorizationCode: "authorization_code",
  refreshToken: "refresh_token",
  jwtBearer: "urn:ietf:params:oauth:grant-type:jwt-bearer",
} as const;

/** Grant types a client may register. */
export const REGISTRABLE_GRANT_TYPES: readonly string[] = [
  GRANT_TYPES.deviceCode,
  GRANT_TYPES.authorizationCode,
  GRANT_TYPES.refreshToken,
];

/**
 * Whether a registration allows a grant. A registration without grant types is the device flow's (the AWS CLI
 * registers so): it may use the device code and refresh grants.
 */
export const clientAllowsGrant = (registeredGrantTypes: readonly string[], grantType: string): boolean =>
  registeredGrantTypes.length === 0
    ? grantType === GRANT_TYPES.deviceCode || grantType === GRANT_TYPES.refreshToken
    : registeredGrantTypes.includes(grantType);
