import type { SSOClient } from "@aws-sdk/client-sso";
import {
  classifyServiceFailure,
  describeError,
  endpointUrlOf,
  signInAdvice,
} from "@sso-kit/token-provider/internal";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";

/** What {@link toPortalCliError} needs to say what failed and for whom. */
export interface PortalCallContext {
  /** The portal operation that failed, e.g. `ListAccounts`. */
  readonly operation: string;
  /** The profile whose session was used. */
  readonly profileName: string;
  /** The client that made the call (its endpoint URL is named when the endpoint is not IAM Identity Center). */
  readonly client: SSOClient;
  /** What the call sent and may be quoted back (the access token). */
  readonly secrets: ReadonlyArray<string | undefined>;
}

/**
 * The `CliError` for a failed SSO portal call, naming the operation and the HTTP status (or that no complete
 * reply came), in one of the three words of sso-kit's errors: the session ended (UnauthorizedException: sign in,
 * exit 3); the endpoint is not IAM Identity Center (a redirect or an HTML page: the endpoint URL is named); the
 * service failed (5xx, 429, timeouts, cut or unreadable replies: try again). Any other refusal quotes the
 * service's exception. Decided by the error's typed fields, never its wording.
 */
export async function toPortalCliError(error: unknown, context: PortalCallContext): Promise<CliError> {
  if (error instanceof CliError) return error;
  const { operation, profileName, secrets } = context;
  const failure = classifyServiceFailure(error);
  const quoted = `${failure.statusText}: ${describeError(error, secrets)}`;
  const name = (error as { name?: unknown } | undefined)?.name;
  if (failure.kind === "refused" && name === "UnauthorizedException") {
    return new CliError(
      `IAM Identity Center rejected the SSO session of profile '${profileName}' (${operation}, ${quoted}): it expired or was signed out. ${signInAdvice({ profileName })}`,
      ExitCode.NotSignedIn,
      { cause: error },
    );
  }
  if (failure.kind === "misconfigured") {
    return new CliError(
      `${await endpointName(context.client)} answered ${operation} with ${failure.answer}: it is not the IAM Identity Center API; check sso_region and the endpoint settings (AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL, endpoint_url)`,
      ExitCode.Failure,
      { cause: error },
    );
  }
  if (failure.kind === "service") {
    return new CliError(
      `IAM Identity Center failed ${operation} (${quoted}): the service failed or could not be reached; try again`,
      ExitCode.Failure,
      { cause: error },
    );
  }
  return new CliError(`IAM Identity Center refused ${operation} (${quoted})`, ExitCode.Failure, {
    cause: error,
  });
}

async function endpointName(client: SSOClient): Promise<string> {
  try {
    return `the SSO portal endpoint ${await endpointUrlOf(client)}`;
  } catch {
    return "the SSO portal endpoint";
  }
}
