import { readIdentityProperties } from "./readIdentityProperties.js";

describe("readIdentityProperties", () => {
  it("reads nothing from nothing", () => {
    expect(readIdentityProperties(undefined)).toEqual({});
    expect(readIdentityProperties({})).toEqual({});
  });

  it("keeps the caller's client config when it is an object", () => {
    const config = { profile: "dev" };
    expect(readIdentityProperties({ callerClientConfig: config }).callerClientConfig).toBe(config);
    expect(readIdentityProperties({ callerClientConfig: null })).toEqual({});
    expect(readIdentityProperties({ callerClientConfig: "dev" })).toEqual({});
  });

  it("forces a refresh only for forceRefresh === true, and takes the rejected token only with it", () => {
    expect(readIdentityProperties({ forceRefresh: true, rejectedToken: "t" })).toEqual({
      forceRefresh: true,
      rejectedToken: "t",
    });
    expect(readIdentityProperties({ forceRefresh: true })).toEqual({ forceRefresh: true });
    expect(readIdentityProperties({ forceRefresh: "yes", rejectedToken: "t" })).toEqual({});
    expect(readIdentityProperties({ rejectedToken: "t" })).toEqual({});
    expect(readIdentityProperties({ forceRefresh: true, rejectedToken: "" })).toEqual({ forceRefresh: true });
    expect(readIdentityProperties({ forceRefresh: true, rejectedToken: 42 })).toEqual({ forceRefresh: true });
  });
});
