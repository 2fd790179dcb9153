/** What an SDK client error carries that matters here; read defensively (any thrown value may arrive). */
export interface SdkErrorShape {
  name: string;
  status: number | undefined;
  attempts: number | undefined;
  /** Went through the SDK client's middleware (network failures have `$metadata` but no status). */
  fromSdk: boolean;
  /** A system error code (`ECONNRESET`, ...): the connection failed, whatever status was already received. */
  network: boolean;
}

// Duck-typed rather than `instanceof Error`: an error made in another realm (worker, vm context) says the same.
export const readSdkError = (error: unknown): SdkErrorShape => {
  if (typeof error !== "object" || error === null) {
    return { name: typeof error, status: undefined, attempts: undefined, fromSdk: false, network: false };
  }
  const {
    name,
    code,
    $metadata: metadata,
  } = error as { name?: unknown; code?: unknown; $metadata?: unknown };
  const meta = typeof metadata === "object" && metadata !== null ? (metadata as Record<string, unknown>) : {};
  return {
    name: typeof name === "string" ? name : "Error",
    status: typeof meta.httpStatusCode === "number" ? meta.httpStatusCode : undefined,
    attempts: typeof meta.attempts === "number" ? meta.attempts : undefined,
    fromSdk: metadata !== undefined,
    network: typeof code === "string" && /^E[A-Z0-9_]+$/.test(code),
  };
};

const THROTTLING = new Set(["TooManyRequestsException", "ThrottlingException", "Throttling"]);

/** Whether an SDK error name is one of the throttling errors of the SSO portal or STS. */
export const isThrottling = (name: string): boolean => THROTTLING.has(name);
