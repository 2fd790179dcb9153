import { getProfileName } from "./getProfileName.js";

describe("getProfileName", () => {
  const saved = process.env.AWS_PROFILE;
  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_PROFILE;
    else process.env.AWS_PROFILE = saved;
  });

  it("prefers init.profile, then the parent client's profile, then AWS_PROFILE, then default", () => {
    process.env.AWS_PROFILE = "from-env";
    expect(getProfileName({ profile: "explicit", parentClientConfig: { profile: "parent" } })).toBe(
      "explicit",
    );
    expect(getProfileName({ parentClientConfig: { profile: "parent" } })).toBe("parent");
    expect(getProfileName({})).toBe("from-env");
    delete process.env.AWS_PROFILE;
    expect(getProfileName()).toBe("default");
  });

  it("treats empty strings as unset", () => {
    process.env.AWS_PROFILE = "";
    expect(getProfileName({ profile: "", parentClientConfig: { profile: "" } })).toBe("default");
  });
});
