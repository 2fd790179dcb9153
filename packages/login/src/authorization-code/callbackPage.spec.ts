import { callbackPage } from "./callbackPage.js";

describe("callbackPage", () => {
  it("tells the user the tab can be closed after a sign-in", () => {
    const page = callbackPage("signed-in");
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("<h1>Signed in</h1>");
    expect(page).toContain("You can close this tab and return to the terminal.");
  });

  it("sends the user back to the terminal after a failure", () => {
    const page = callbackPage("failed");
    expect(page).toContain("<h1>Sign-in failed</h1>");
    expect(page).toContain("Return to the terminal for details");
  });
});
