export { startEmulator } from "./startEmulator.js";
export { runEmulatorCli, type EmulatorCliEnvironment } from "./cli/runEmulatorCli.js";
export type { Emulator, EmulatorEnv } from "./Emulator.js";
export type {
  AccountDefinition,
  EmulatorOptions,
  PortalRateLimit,
  RoleConditions,
} from "./EmulatorOptions.js";
export type { ExpireAccessTokensOptions } from "./controls/expireAccessTokens.js";
export { OPERATION_NAMES, type OperationName } from "./OperationName.js";
export type { FaultRule } from "./faults/FaultRule.js";
export type { FaultInjector } from "./faults/FaultInjector.js";
export type { EmulatorClock } from "./clock/EmulatorClock.js";
export type { RequestLogEntry } from "./admin/RequestLogEntry.js";
export type {
  CachedTokenFile,
  IssuedCredentialSummary,
  SeedClientOptions,
  SeededClient,
  SeededToken,
  SeedTokenOptions,
} from "./seeding/SeedTypes.js";
