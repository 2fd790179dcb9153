/** Where a device authorization stands. */
export type DeviceAuthorizationStatus = "pending" | "approved" | "denied" | "redeemed";

/** A device authorization started by StartDeviceAuthorization. */
export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scopes: string[];
  expiresAtMs: number;
  intervalSeconds: number;
  status: DeviceAuthorizationStatus;
  /** Emulator time of the last CreateToken poll, for SlowDownException. */
  lastPollMs?: number;
}

/** Device authorizations by device code and by user code. */
export class DeviceAuthorizationStore {
  readonly #byDeviceCode = new Map<string, DeviceAuthorization>();
  readonly #byUserCode = new Map<string, DeviceAuthorization>();

  /** Records a new device authorization. */
  add(authorization: DeviceAuthorization): void {
    this.#byDeviceCode.set(authorization.deviceCode, authorization);
    this.#byUserCode.set(authorization.userCode, authorization);
  }

  /** The authorization of a device code. */
  byDeviceCode(deviceCode: string): DeviceAuthorization | undefined {
    return this.#byDeviceCode.get(deviceCode);
  }

  /** The authorization of a user code (case-insensitive, with or without the dash). */
  byUserCode(userCode: string): DeviceAuthorization | undefined {
    const compact = userCode.trim().toUpperCase().replace(/[\s-]/g, "");
    if (compact.length !== 8) return undefined;
    return this.#byUserCode.get(`${compact.slice(0, 4)}-${compact.slice(4)}`);
  }

  /** Whether a user code is taken. */
  hasUserCode(userCode: string): boolean {
    return this.#byUserCode.has(userCode);
  }
}
