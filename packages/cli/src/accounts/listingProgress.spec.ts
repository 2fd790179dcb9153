import { listingProgress } from "./listingProgress.js";

describe("listingProgress", () => {
  it("counts the accounts whose roles were read, once the accounts are known", () => {
    const line = listingProgress("Listing the accounts and roles");
    expect(line.message()).toBe("Listing the accounts and roles");
    line.onProgress({ listed: 0, accounts: 1000 });
    expect(line.message()).toBe("Listing the accounts and roles (0/1000 accounts)");
    line.onProgress({ listed: 120, accounts: 1000 });
    expect(line.message()).toBe("Listing the accounts and roles (120/1000 accounts)");
  });
});
