import { planGeneratedProfiles } from "./planGeneratedProfiles.js";

const options = {
  template: "{account_name}.{role_name}",
  session: "s",
  source: { kind: "sso-session", sessionName: "s" } as const,
  region: "eu-west-1",
  taken: new Set<string>(),
};

describe("planGeneratedProfiles", () => {
  it("numbers names that several roles share, in listing order", () => {
    const plan = planGeneratedProfiles(
      [
        { accountId: "111111111111", accountName: "a b", roles: ["R"] },
        { accountId: "222222222222", accountName: "a/b", roles: ["R"] },
        { accountId: "333333333333", accountName: "a-b", roles: ["R"] },
      ],
      options,
    );
    expect(plan.names).toEqual(["a-b.R", "a-b.R-2", "a-b.R-3"]);
    expect(plan.warnings).toEqual([]);
  });

  it("skips a name used outside the block, with a warning, and never numbers into a taken name", () => {
    const plan = planGeneratedProfiles(
      [
        { accountId: "111111111111", accountName: "x", roles: ["R"] },
        { accountId: "222222222222", accountName: "y", roles: ["R"] },
        { accountId: "333333333333", accountName: "y", roles: ["R"] },
      ],
      { ...options, taken: new Set(["x.R", "y.R-2"]) },
    );
    expect(plan.names).toEqual(["y.R", "y.R-3"]);
    expect(plan.warnings).toEqual([
      "skipped profile 'x.R' (111111111111 R): a profile of that name exists outside the managed block",
    ]);
  });

  it("writes sso-session or legacy keys", () => {
    const account = { accountId: "111111111111", accountName: "x", roles: ["R"] };
    expect(planGeneratedProfiles([account], options).lines).toEqual([
      "[profile x.R]",
      "sso_session = s",
      "sso_account_id = 111111111111",
      "sso_role_name = R",
      "region = eu-west-1",
    ]);
    const legacy = planGeneratedProfiles([account], {
      ...options,
      source: { kind: "legacy", startUrl: "https://p.awsapps.com/start", ssoRegion: "us-east-1" },
    });
    expect(legacy.lines.slice(1, 3)).toEqual([
      "sso_start_url = https://p.awsapps.com/start",
      "sso_region = us-east-1",
    ]);
  });

  it("never writes an account id or role name the portal returned malformed into the config", () => {
    const plan = planGeneratedProfiles(
      [
        { accountId: "1\n[profile evil]", accountName: "x", roles: ["R"] },
        { accountId: "222222222222", accountName: "y", roles: ["R\nsso_role_name = Admin", "Ok"] },
      ],
      options,
    );
    expect(plan.names).toEqual(["y.Ok"]);
    expect(plan.warnings).toHaveLength(2);
    expect(plan.lines.join("\n")).not.toContain("evil");
  });
});
