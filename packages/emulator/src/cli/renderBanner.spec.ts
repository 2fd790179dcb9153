import { startEmulator } from "../startEmulator.js";
import { renderBanner } from "./renderBanner.js";

describe("renderBanner", () => {
  it("uses the first account that has a role for the sample profile", async () => {
    const emu = await startEmulator({
      region: "ap-southeast-2",
      startUrl: "https://d-1234567890.awsapps.com/start",
      accounts: [
        { accountId: "111111111111", accountName: "Empty", emailAddress: "e@example.com", roles: [] },
        { accountId: "222222222222", accountName: "Dev", emailAddress: "d@example.com", roles: ["Dev"] },
      ],
    });
    try {
      expect(renderBanner(emu)).toBe(
        [
          `sso-kit emulator listening on ${emu.url}`,
          "",
          "# Point the AWS SDKs and the AWS CLI at it:",
          `export AWS_ENDPOINT_URL_SSO=${emu.url} AWS_ENDPOINT_URL_SSO_OIDC=${emu.url} AWS_ENDPOINT_URL_STS=${emu.url}`,
          "",
          "# Sample ~/.aws/config:",
          "[sso-session emulator]",
          "sso_start_url = https://d-1234567890.awsapps.com/start",
          "sso_region = ap-southeast-2",
          "sso_registration_scopes = sso:account:access",
          "",
          "[profile emulator]",
          "sso_session = emulator",
          "sso_account_id = 222222222222",
          "sso_role_name = Dev",
          "region = ap-southeast-2",
          "",
          "Press Ctrl+C to stop.",
          "",
        ].join("\n"),
      );
    } finally {
      await emu.stop();
    }
  });
});
