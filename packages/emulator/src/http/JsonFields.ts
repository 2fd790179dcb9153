import type { ServiceError } from "./ServiceError.js";

/**
 * Typed access to the members of a JSON request body. Every accessor checks the member's type and throws the
 * service's validation error (built by `invalid`) naming the member, so handlers never cast.
 */
export class JsonFields {
  private constructor(
    private readonly members: Record<string, unknown>,
    private readonly invalid: (message: string) => ServiceError,
  ) {}

  /** Parses `body` as a JSON object (an empty body counts as `{}`). */
  static parse(body: string, invalid: (message: string) => ServiceError): JsonFields {
    if (body.trim() === "") return new JsonFields({}, invalid);
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      throw invalid("The request body is not valid JSON.");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw invalid("The request body must be a JSON object.");
    }
    return new JsonFields(value as Record<string, unknown>, invalid);
  }

  /** A member that must be a non-empty string. */
  requiredString(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined || value === "") throw this.invalid(`${name} is required.`);
    return value;
  }

  /** A member that, when present (and not null), must be a string. */
  optionalString(name: string): string | undefined {
    const value = this.members[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") throw this.invalid(`${name} must be a string.`);
    return value;
  }

  /** A member that, when present (and not null), must be an array of strings. */
  optionalStringList(name: string): string[] | undefined {
    const value = this.members[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
      throw this.invalid(`${name} must be a list of strings.`);
    }
    return value as string[];
  }
}
