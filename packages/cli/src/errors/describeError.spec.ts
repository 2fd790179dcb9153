import { TokenProviderError, CredentialsProviderError } from "@smithy/property-provider";
import { ExitCode } from "../ExitCode.js";
import { CliError } from "./CliError.js";
import { describeError } from "./describeError.js";

describe("describeError", () => {
  it("uses a CliError's own exit code and message", () => {
    expect(describeError(new CliError("bad profile", ExitCode.Usage))).toEqual({
      exitCode: ExitCode.Usage,
      message: "bad profile",
    });
  });

  it("maps the token provider's sign-in advice to 'not signed in'", () => {
    const error = new TokenProviderError(
      "No SSO token found for profile 'dev': not signed in. Run 'sso-kit login --profile dev' (or 'aws sso login --profile dev') to sign in again.",
      { tryNextLink: false },
    );
    expect(describeError(error).exitCode).toBe(ExitCode.NotSignedIn);
  });

  it("treats other token provider errors as failures", () => {
    const error = new TokenProviderError("Profile 'x' is missing required property 'sso_session'.", {
      tryNextLink: true,
    });
    expect(describeError(error)).toEqual({
      exitCode: ExitCode.Failure,
      message: "Profile 'x' is missing required property 'sso_session'.",
    });
  });

  it("maps credential-provider reasons Token and Unauthorized to 'not signed in'", () => {
    for (const reason of ["Token", "Unauthorized"]) {
      const error = Object.assign(new CredentialsProviderError("sign in again", { tryNextLink: false }), {
        reason,
      });
      expect(describeError(error).exitCode).toBe(ExitCode.NotSignedIn);
    }
    const config = Object.assign(new CredentialsProviderError("bad config", { tryNextLink: false }), {
      reason: "InvalidConfig",
    });
    expect(describeError(config).exitCode).toBe(ExitCode.Failure);
  });

  it("maps an aborted sign-in to 'interrupted'", () => {
    const error = Object.assign(new Error("aborted"), { name: "LoginError", code: "Aborted" });
    expect(describeError(error).exitCode).toBe(ExitCode.Interrupted);
  });

  it("names service exceptions and the SSO portal's UnauthorizedException means 'not signed in'", () => {
    const error = Object.assign(new Error("Session token not found or invalid"), {
      name: "UnauthorizedException",
    });
    expect(describeError(error)).toEqual({
      exitCode: ExitCode.NotSignedIn,
      message: "UnauthorizedException: Session token not found or invalid",
    });
  });

  it("prints one line, scrubbed of anything shaped like a secret", () => {
    const { message } = describeError(new Error('refresh failed:\n  {"refreshToken":"RT-SECRET"}\n'));
    expect(message).toBe('refresh failed: {"refreshToken":"[redacted]"}');
  });

  it("describes thrown non-errors", () => {
    expect(describeError("boom")).toEqual({ exitCode: ExitCode.Failure, message: "boom" });
  });
});
