import { sessionNameFor } from "./sessionNameFor.js";

describe("sessionNameFor", () => {
  it("proposes the first label of the start URL's host", () => {
    expect(sessionNameFor("https://my-portal.awsapps.com/start")).toBe("my-portal");
    expect(sessionNameFor("https://d-1234567890.awsapps.com/start#/")).toBe("d-1234567890");
  });

  it("proposes 'sso' for an address, localhost or something that is not a URL", () => {
    expect(sessionNameFor("http://127.0.0.1:4000/start")).toBe("sso");
    expect(sessionNameFor("http://[::1]:4000/start")).toBe("sso");
    expect(sessionNameFor("http://localhost:4000/start")).toBe("sso");
    expect(sessionNameFor("not a url")).toBe("sso");
  });
});
