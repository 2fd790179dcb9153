import { ListAccountsCommand, SSOClient } from "@aws-sdk/client-sso";
import { runEmulatorCli } from "./runEmulatorCli.js";

const harness = () => {
  let out = "";
  let err = "";
  let requestStop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (requestStop = resolve));
  return {
    env: {
      stdout: (text: string) => (out += text),
      stderr: (text: string) => (err += text),
      stopRequested: () => stopped,
    },
    out: () => out,
    err: () => err,
    stop: () => requestStop(),
  };
};

describe("runEmulatorCli", () => {
  it("prints the URL, the exports and a sample config, serves until asked to stop, and exits 0", async () => {
    const h = harness();
    const running = runEmulatorCli(["--region", "eu-west-2", "--page-size", "3"], h.env);
    for (let i = 0; i < 100 && !h.out().includes("Ctrl+C"); i += 1)
      await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(h.out())?.[1] ?? "";
    expect(h.out()).toContain(
      `export AWS_ENDPOINT_URL_SSO=${url} AWS_ENDPOINT_URL_SSO_OIDC=${url} AWS_ENDPOINT_URL_STS=${url}\n`,
    );
    expect(h.out()).toContain(
      "[sso-session emulator]\nsso_start_url = https://d-0000000000.awsapps.com/start\nsso_region = eu-west-2\n",
    );
    expect(h.out()).toContain(
      "[profile emulator]\nsso_session = emulator\nsso_account_id = 111111111111\nsso_role_name = AdministratorAccess\n",
    );
    const res = await fetch(`${url}/__emulator/stats`);
    expect(res.status).toBe(200);
    await expect(
      new SSOClient({ region: "eu-west-2", endpoint: url }).send(
        new ListAccountsCommand({ accessToken: "x" }),
      ),
    ).rejects.toThrow("Session token not found or invalid");
    h.stop();
    await expect(running).resolves.toBe(0);
    expect(h.out()).toContain("stopped");
    await expect(fetch(`${url}/__emulator/stats`)).rejects.toThrow();
  });

  it("prints the help and exits 0", async () => {
    const h = harness();
    await expect(runEmulatorCli(["--help"], h.env)).resolves.toBe(0);
    expect(h.out()).toMatch(/^Usage: sso-kit-emulator/);
  });

  it("reports a usage error on stderr and exits 2; an invalid option value exits 1", async () => {
    const h = harness();
    await expect(runEmulatorCli(["--nope"], h.env)).resolves.toBe(2);
    expect(h.err()).toContain("Unknown option '--nope'");
    const bad = harness();
    await expect(runEmulatorCli(["--region", "mars"], bad.env)).resolves.toBe(1);
    expect(bad.err()).toContain("region must look like");
    expect(bad.out()).toBe("");
  });
});
