import { listingRetrySettings } from "./listingRetrySettings.js";

describe("listingRetrySettings", () => {
  it("chooses adaptive retries and 5 attempts when the user sets neither", () => {
    expect(listingRetrySettings({}, {})).toEqual({ retryMode: "adaptive", maxAttempts: 5 });
  });

  it("leaves each setting the user made, by variable or in the profile, to the SDK client", () => {
    expect(listingRetrySettings({}, { AWS_MAX_ATTEMPTS: "1" })).toEqual({ retryMode: "adaptive" });
    expect(listingRetrySettings({ retry_mode: "standard" }, {})).toEqual({ maxAttempts: 5 });
    expect(listingRetrySettings({ max_attempts: "2" }, { AWS_RETRY_MODE: "legacy" })).toEqual({});
  });
});
