import type { Logger } from "@smithy/types";

/** How the SDK masks a member its model marks sensitive. */
const SENSITIVE = "***SensitiveInformation***";

const COMMAND = { clientName: "SSOClient", commandName: "GetRoleCredentialsCommand" } as const;

/** How one call ended: the reply with its metadata, or the final error. */
export type PortalCallOutcome = { output: unknown; metadata: object } | { error: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const masked = (output: unknown): unknown => {
  const roleCredentials = isRecord(output) ? output.roleCredentials : undefined;
  if (!isRecord(output) || !isRecord(roleCredentials)) return output;
  return {
    ...output,
    roleCredentials: {
      ...roleCredentials,
      ...(roleCredentials.secretAccessKey !== undefined && { secretAccessKey: SENSITIVE }),
      ...(roleCredentials.sessionToken !== undefined && { sessionToken: SENSITIVE }),
    },
  };
};

/**
 * The line the SDK client's logger middleware writes to the client's `logger` for a call, with the same fields
 * and the same masking: `info` with input and output on success, `error` with input and error on failure. The
 * access token, secret access key and session token appear only as `***SensitiveInformation***` (the error
 * comes without the token: see `httpPortalTransport`).
 */
export const logPortalCall = (
  logger: Logger | undefined,
  call: { accountId: string; roleName: string },
  outcome: PortalCallOutcome,
): void => {
  if (logger === undefined) return;
  const { accountId, roleName } = call;
  const input = { roleName, accountId, accessToken: SENSITIVE };
  if ("error" in outcome) {
    const { $metadata } = (isRecord(outcome.error) ? outcome.error : {}) as { $metadata?: unknown };
    logger.error?.({ ...COMMAND, input, error: outcome.error, metadata: $metadata });
  } else {
    logger.info?.({ ...COMMAND, input, output: masked(outcome.output), metadata: outcome.metadata });
  }
};
