import { execFileSync } from "node:child_process";
import { formatEnvExports } from "./formatEnvExports.js";

const credentials = {
  accessKeyId: "ASIAEXAMPLE",
  secretAccessKey: "se/cr+et=",
  sessionToken: "tok en",
  expiration: new Date("2030-01-02T03:04:05Z"),
};

describe("formatEnvExports", () => {
  it("exports the four standard variables", () => {
    expect(formatEnvExports(credentials)).toEqual([
      "export AWS_ACCESS_KEY_ID=ASIAEXAMPLE",
      "export AWS_SECRET_ACCESS_KEY=se/cr+et=",
      "export AWS_SESSION_TOKEN='tok en'",
      "export AWS_CREDENTIAL_EXPIRATION=2030-01-02T03:04:05Z",
    ]);
  });

  it("sets the variables when a shell evaluates it", () => {
    const script = `${formatEnvExports(credentials).join("\n")}\nprintf '%s|%s|%s' "$AWS_ACCESS_KEY_ID" "$AWS_SESSION_TOKEN" "$AWS_CREDENTIAL_EXPIRATION"`;
    expect(execFileSync("sh", ["-c", script], { encoding: "utf8" })).toBe(
      "ASIAEXAMPLE|tok en|2030-01-02T03:04:05Z",
    );
  });
});
