import type { AccountDefinition } from "../EmulatorOptions.js";

/** {@link EmulatorOptions} after validation, with every default filled in. */
export interface ResolvedEmulatorOptions {
  port: number;
  region: string;
  startUrl: string;
  accounts: readonly AccountDefinition[];
  accessTokenTtlSeconds: number;
  roleCredentialsTtlSeconds: number;
  clientRegistrationTtlSeconds: number;
  deviceCodeTtlSeconds: number;
  deviceCodeIntervalSeconds: number;
  rotateRefreshTokens: boolean;
  autoApprove: boolean;
  pageSize: number;
  userName: string;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
}
