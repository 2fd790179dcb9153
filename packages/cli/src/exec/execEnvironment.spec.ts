import { EXEC_PROFILE_VARIABLE, execEnvironment } from "./execEnvironment.js";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "secret",
  sessionToken: "session",
  expiration: new Date("2030-01-02T03:04:05.678Z"),
};

describe("execEnvironment", () => {
  it("sets the credentials, region and marker, and removes profile names", () => {
    const env = execEnvironment({
      env: { PATH: "/bin", AWS_PROFILE: "other", AWS_DEFAULT_PROFILE: "other", AWS_SECURITY_TOKEN: "stale" },
      profileName: "dev",
      credentials,
      region: "eu-west-1",
    });
    expect(env).toEqual({
      PATH: "/bin",
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "secret",
      AWS_SESSION_TOKEN: "session",
      AWS_CREDENTIAL_EXPIRATION: "2030-01-02T03:04:05Z",
      AWS_REGION: "eu-west-1",
      AWS_DEFAULT_REGION: "eu-west-1",
      [EXEC_PROFILE_VARIABLE]: "dev",
    });
  });

  it("leaves the inherited region alone when the profile has none", () => {
    const env = execEnvironment({ env: { AWS_REGION: "us-east-2" }, profileName: "dev", credentials });
    expect(env.AWS_REGION).toBe("us-east-2");
    expect(env.AWS_DEFAULT_REGION).toBeUndefined();
  });

  it("does not change the environment it was given", () => {
    const given = { AWS_PROFILE: "other" };
    execEnvironment({ env: given, profileName: "dev", credentials });
    expect(given).toEqual({ AWS_PROFILE: "other" });
  });
});
