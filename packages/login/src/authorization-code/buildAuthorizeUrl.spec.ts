import { buildAuthorizeUrl } from "./buildAuthorizeUrl.js";

describe("buildAuthorizeUrl", () => {
  it("builds the URL exactly as the AWS CLI does", () => {
    const url = buildAuthorizeUrl({
      oidcEndpoint: "https://oidc.us-east-1.amazonaws.com",
      clientId: "client-123",
      redirectUri: "http://127.0.0.1:55321/oauth/callback",
      state: "9b2f7f0e-0e1a-4c55-8d2b-0f3c3b0d7a11",
      codeChallenge: "_-BU_nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs",
      scopes: ["sso:account:access"],
    });
    expect(url).toBe(
      "https://oidc.us-east-1.amazonaws.com/authorize?response_type=code&client_id=client-123" +
        "&redirect_uri=http%3A%2F%2F127.0.0.1%3A55321%2Foauth%2Fcallback" +
        "&state=9b2f7f0e-0e1a-4c55-8d2b-0f3c3b0d7a11&code_challenge_method=S256" +
        "&scopes=sso%3Aaccount%3Aaccess&code_challenge=_-BU_nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs",
    );
  });

  it("joins several scopes with a space", () => {
    const url = new URL(
      buildAuthorizeUrl({
        oidcEndpoint: "http://127.0.0.1:9000",
        clientId: "c",
        redirectUri: "http://127.0.0.1:1/oauth/callback",
        state: "s",
        codeChallenge: "x",
        scopes: ["sso:account:access", "codewhisperer:completions"],
      }),
    );
    expect(url.pathname).toBe("/authorize");
    expect(url.searchParams.get("scopes")).toBe("sso:account:access codewhisperer:completions");
  });
});
