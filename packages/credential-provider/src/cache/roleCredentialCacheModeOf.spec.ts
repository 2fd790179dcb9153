import { SsoCredentialsProviderError } from "../errors/SsoCredentialsProviderError.js";
import { ROLE_CREDENTIAL_CACHE_ENV, roleCredentialCacheModeOf } from "./roleCredentialCacheModeOf.js";

describe("roleCredentialCacheModeOf", () => {
  it("is memory-only unless asked, like the official provider", () => {
    expect(roleCredentialCacheModeOf({}, {})).toBe("memory");
    expect(roleCredentialCacheModeOf({}, { [ROLE_CREDENTIAL_CACHE_ENV]: "" })).toBe("memory");
  });

  it("is shared when the option or the environment variable says so; the option wins", () => {
    expect(roleCredentialCacheModeOf({ roleCredentialCache: "shared" }, {})).toBe("shared");
    expect(roleCredentialCacheModeOf({}, { [ROLE_CREDENTIAL_CACHE_ENV]: "shared" })).toBe("shared");
    expect(
      roleCredentialCacheModeOf({ roleCredentialCache: "memory" }, { [ROLE_CREDENTIAL_CACHE_ENV]: "shared" }),
    ).toBe("memory");
  });

  it("rejects any other value as a configuration error naming where it came from", () => {
    const fromEnv = (): unknown => roleCredentialCacheModeOf({}, { [ROLE_CREDENTIAL_CACHE_ENV]: "yes" });
    expect(fromEnv).toThrow(SsoCredentialsProviderError);
    expect(fromEnv).toThrow(/SSO_KIT_ROLE_CREDENTIAL_CACHE must be "shared" or "memory", not "yes"/);
    try {
      fromEnv();
    } catch (error) {
      expect(error).toMatchObject({ reason: "InvalidConfig", tryNextLink: false });
    }
    expect(() => roleCredentialCacheModeOf({ roleCredentialCache: "disk" as never }, {})).toThrow(
      /fromSSO option roleCredentialCache/,
    );
  });
});
