import { writePromptToStderr } from "./writePromptToStderr.js";

describe("writePromptToStderr", () => {
  let written: string;
  const original = process.stderr.write.bind(process.stderr);
  beforeEach(() => {
    written = "";
    process.stderr.write = ((chunk: string) => {
      written += chunk;
      return true;
    }) as typeof process.stderr.write;
  });
  afterEach(() => {
    process.stderr.write = original;
  });

  it("shows the verification page and the code for the device flow", () => {
    writePromptToStderr({
      flow: "device",
      url: "https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH",
      verificationUri: "https://device.sso.us-east-1.amazonaws.com/",
      userCode: "ABCD-EFGH",
      expiresAt: new Date(),
      openingBrowser: false,
    });
    expect(written).toBe(
      [
        "To sign in, open this page in a browser on any device:",
        "  https://device.sso.us-east-1.amazonaws.com/",
        "and confirm that it shows this code: ABCD-EFGH",
        "(or open https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH directly)",
        "",
      ].join("\n"),
    );
  });

  it("shows the authorize URL for the PKCE flow", () => {
    writePromptToStderr({
      flow: "pkce",
      url: "https://oidc/authorize?x",
      expiresAt: new Date(),
      openingBrowser: true,
    });
    expect(written).toBe(
      "Attempting to open the sign-in page in your browser. If it does not open, open this URL:\n  https://oidc/authorize?x\n",
    );
  });
});
