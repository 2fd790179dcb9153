import { Output } from "../output/Output.js";
import { AUTO_LOGIN_VARIABLE, onDemandLogin } from "./onDemandLogin.js";

describe("onDemandLogin", () => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output = new Output(
    { write: (chunk: string) => stdout.push(chunk) },
    { write: (chunk: string) => stderr.push(chunk) },
    {},
  );
  const signal = new AbortController().signal;

  it.each([
    [undefined, {}, false],
    [undefined, { [AUTO_LOGIN_VARIABLE]: "false" }, false],
    [undefined, { [AUTO_LOGIN_VARIABLE]: "" }, false],
    [undefined, { [AUTO_LOGIN_VARIABLE]: "1" }, false],
    [undefined, { [AUTO_LOGIN_VARIABLE]: "true" }, true],
    [undefined, { [AUTO_LOGIN_VARIABLE]: " TRUE " }, true],
    [true, {}, true],
  ])("--login %s with %j: on = %s", (flag, env, on) => {
    expect(onDemandLogin(flag, { output, signal }, env) !== false).toBe(on);
  });

  it("shows the sign-in and its waits on stderr only, and ends on the command's signal", () => {
    const login = onDemandLogin(true, { output, signal }, {});
    if (login === false) throw new Error("expected sign-in on demand to be on");
    login.onWait?.({
      session: "dev",
      pid: 42,
      message: "another sign-in for session dev is in progress (pid 42)",
    });
    void login.prompt?.({
      flow: "device",
      url: "https://device.example/?code=ABCD-EFGH",
      verificationUri: "https://device.example/",
      userCode: "ABCD-EFGH",
      expiresAt: new Date(),
      openingBrowser: false,
    });
    expect(stdout).toEqual([]);
    expect(stderr.join("")).toContain("another sign-in for session dev is in progress (pid 42)\n");
    expect(stderr.join("")).toContain("ABCD-EFGH");
    expect(login.signal).toBe(signal);
  });
});
