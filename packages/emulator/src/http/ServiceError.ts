import type { ServiceName } from "./ServiceName.js";

/**
 * A modelled error of one of the emulated services. Handlers throw it; the server encodes it the way that
 * service does on the wire (see `encodeServiceError`).
 */
export class ServiceError extends Error {
  /** @param fields extra modelled members of the error body (e.g. OIDC `reason`). */
  constructor(
    readonly service: ServiceName,
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ServiceError";
  }
}
