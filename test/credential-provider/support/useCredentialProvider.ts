import { STSClient, type STSClientConfig } from "@aws-sdk/client-sts";
import type { EmulatorOptions } from "@sso-kit/emulator";
import type * as CredentialProvider from "@sso-kit/credential-provider";
import { useSsoProfiles, type SsoProfiles } from "../../support/credential-provider/useSsoProfiles";
import { forgetProcessWideState } from "../../support/forgetProcessWideState";

/** What {@link useCredentialProvider} sets up before each test. */
export interface CredentialProviderSetup extends SsoProfiles {
  /** `@sso-kit/credential-provider`, imported afresh for each test so that no credentials carry over. */
  readonly sdk: typeof CredentialProvider;
  /** A real STS client on the emulator (which verifies SigV4 signatures), signing with `credentials`. */
  sts(credentials: STSClientConfig["credentials"]): STSClient;
}

/** {@link useSsoProfiles}, plus a freshly imported `@sso-kit/credential-provider` for each test. */
export const useCredentialProvider = (options: EmulatorOptions = {}): CredentialProviderSetup => {
  const profiles = useSsoProfiles(options);
  let sdk: typeof CredentialProvider | undefined;
  beforeEach(async () => {
    jest.resetModules();
    forgetProcessWideState();
    sdk = await import("@sso-kit/credential-provider");
  });
  return {
    home: profiles.home,
    get emu() {
      return profiles.emu;
    },
    signIn: profiles.signIn,
    get sdk() {
      if (sdk === undefined) throw new Error("the credential provider is imported before each test only");
      return sdk;
    },
    sts: (credentials) => new STSClient({ region: "us-east-1", endpoint: profiles.emu.url, credentials }),
  };
};
