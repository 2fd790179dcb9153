/** Every operation the emulator answers, as named in stats, the request log and fault rules. */
export const OPERATION_NAMES = [
  "RegisterClient",
  "StartDeviceAuthorization",
  "CreateToken",
  "CreateTokenWithIAM",
  "GetRoleCredentials",
  "ListAccounts",
  "ListAccountRoles",
  "Logout",
  "GetCallerIdentity",
  "AssumeRole",
  "Authorize",
  "DeviceVerification",
] as const;

/** The name of an operation the emulator answers (an API operation or one of its two browser pages). */
export type OperationName = (typeof OPERATION_NAMES)[number];

/** Whether a value is one of {@link OPERATION_NAMES}. */
export const isOperationName = (value: unknown): value is OperationName =>
  typeof value === "string" && (OPERATION_NAMES as readonly string[]).includes(value);
