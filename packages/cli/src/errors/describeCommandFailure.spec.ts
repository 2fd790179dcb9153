import { TokenProviderError, CredentialsProviderError } from "@smithy/property-provider";
import { tokenProviderError } from "@sso-kit/token-provider/internal";
import { ExitCode } from "../ExitCode.js";
import { CliError } from "./CliError.js";
import { describeCommandFailure } from "./describeCommandFailure.js";

describe("describeCommandFailure", () => {
  it("uses a CliError's own exit code and message", () => {
    expect(describeCommandFailure(new CliError("bad profile", ExitCode.Usage), [])).toEqual({
      exitCode: ExitCode.Usage,
      message: "bad profile",
    });
  });

  it("maps a token provider error that carries a sign-in command to 'not signed in'", async () => {
    const error = await tokenProviderError("No SSO token found for profile 'dev': not signed in.", {
      tryNextLink: false,
      signInCommand: "sso-kit login --profile dev",
    });
    expect(describeCommandFailure(error, []).exitCode).toBe(ExitCode.NotSignedIn);
  });

  it("treats other token provider errors as failures, their message unprefixed", () => {
    const error = new TokenProviderError("Profile 'x' is missing required property 'sso_session'.", {
      tryNextLink: true,
    });
    expect(describeCommandFailure(error, [])).toEqual({
      exitCode: ExitCode.Failure,
      message: "Profile 'x' is missing required property 'sso_session'.",
    });
  });

  it("maps on the typed reason, never the wording: only an ended session is 'not signed in'", async () => {
    const token = (reason: string, signInCommand?: string) =>
      tokenProviderError("refreshing failed; sso-kit login would not help", {
        tryNextLink: false,
        reason: reason as "SessionEnded",
        signInCommand,
      });
    expect(describeCommandFailure(await token("SessionEnded", "sso-kit login"), []).exitCode).toBe(
      ExitCode.NotSignedIn,
    );
    expect(describeCommandFailure(await token("ServiceUnavailable"), []).exitCode).toBe(ExitCode.Failure);
    expect(describeCommandFailure(await token("Misconfigured"), []).exitCode).toBe(ExitCode.Failure);
    // A service failure stays one even if something added a sign-in command on the way.
    expect(describeCommandFailure(await token("ServiceUnavailable", "sso-kit login"), []).exitCode).toBe(
      ExitCode.Failure,
    );
  });

  it("maps credential-provider errors: Unauthorized and Token with a sign-in command are 'not signed in'", () => {
    const credentials = (reason: string, signInCommand?: string) =>
      Object.assign(new CredentialsProviderError("failed", { tryNextLink: false }), {
        reason,
        signInCommand,
      });
    expect(describeCommandFailure(credentials("Unauthorized", "sso-kit login"), []).exitCode).toBe(
      ExitCode.NotSignedIn,
    );
    expect(describeCommandFailure(credentials("Token", "sso-kit login"), []).exitCode).toBe(
      ExitCode.NotSignedIn,
    );
    for (const reason of ["Token", "ServiceUnavailable", "InvalidConfig", "ServiceError"]) {
      expect(describeCommandFailure(credentials(reason), []).exitCode).toBe(ExitCode.Failure);
    }
  });

  it("maps an aborted sign-in to 'interrupted', keeping its words", () => {
    const error = Object.assign(new Error("aborted"), { name: "LoginError", code: "Aborted" });
    expect(describeCommandFailure(error, [])).toEqual({ exitCode: ExitCode.Interrupted, message: "aborted" });
  });

  it("names service exceptions and the SSO portal's UnauthorizedException means 'not signed in'", () => {
    const error = Object.assign(new Error("Session token not found or invalid"), {
      name: "UnauthorizedException",
    });
    expect(describeCommandFailure(error, [])).toEqual({
      exitCode: ExitCode.NotSignedIn,
      message: "UnauthorizedException: Session token not found or invalid",
    });
  });

  it("prints one line with every known secret redacted, from any error", () => {
    const secrets = ["access-token-SENTINEL", "secret-key-SENTINEL", undefined];
    const service = Object.assign(new Error("token access-token-SENTINEL\n  is not valid"), {
      name: "ResourceNotFoundException",
    });
    expect(describeCommandFailure(service, secrets).message).toBe(
      "ResourceNotFoundException: token [redacted] is not valid",
    );
    const own = new CliError("could not use secret-key-SENTINEL");
    expect(describeCommandFailure(own, secrets).message).toBe("could not use [redacted]");
  });

  it("escapes control characters a service put in an error", () => {
    const forged = Object.assign(new Error("bad\u001b]0;owned\u0007\u001b[2J\u009b1m"), {
      name: "InvalidRequestException",
    });
    expect(describeCommandFailure(forged, []).message).toBe(
      "InvalidRequestException: bad\\x1b]0;owned\\x07\\x1b[2J\\x9b1m",
    );
    const sentence = new CliError("portal said \u001b[2J");
    expect(describeCommandFailure(sentence, []).message).toBe("portal said \\x1b[2J");
  });

  it("describes thrown non-errors", () => {
    expect(describeCommandFailure("boom", [])).toEqual({ exitCode: ExitCode.Failure, message: "boom" });
  });
});
