import { recordingLogger } from "../../../../test/support/recordingLogger.js";
import { openInBrowser } from "./openInBrowser.js";

describe("openInBrowser", () => {
  const { logger, warnings, clear } = recordingLogger();
  beforeEach(clear);

  it("calls the opener with the URL", async () => {
    const opened: string[] = [];
    await openInBrowser((url) => void opened.push(url), "https://example.com/a", logger);
    expect(opened).toEqual(["https://example.com/a"]);
    expect(warnings).toEqual([]);
  });

  it("does nothing without an opener", async () => {
    await expect(openInBrowser(undefined, "https://example.com/a", logger)).resolves.toBeUndefined();
  });

  it("logs an opener failure instead of failing, synchronous or not", async () => {
    await openInBrowser(
      () => Promise.reject(new Error("spawn xdg-open ENOENT")),
      "https://example.com",
      logger,
    );
    await openInBrowser(
      () => {
        throw new Error("refusing to open a file: URL");
      },
      "file:///etc/passwd",
      logger,
    );
    expect(warnings).toEqual([
      "sso-kit login: could not open the browser (spawn xdg-open ENOENT); open the URL shown instead",
      "sso-kit login: could not open the browser (refusing to open a file: URL); open the URL shown instead",
    ]);
  });
});
