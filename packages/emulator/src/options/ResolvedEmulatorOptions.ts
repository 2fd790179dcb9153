import type { AccountDefinition, RoleConditions } from "../EmulatorOptions.js";
import type { ResolvedRateLimit } from "./resolvePortalRateLimit.js";
import type { ResolvedTrust } from "./resolveTrust.js";

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
  /** `undefined`: the portal is not throttled. */
  portalRateLimit: ResolvedRateLimit | undefined;
  /** `undefined`: every role of the directory may assume every role of the directory. */
  trust: ResolvedTrust | undefined;
  roleConditions: ReadonlyMap<string, RoleConditions>;
}
