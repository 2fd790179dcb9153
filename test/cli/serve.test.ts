import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { finished, PROFILE, Sandbox, waitForOutput, waitForStderr } from "./harness";
import type { CliRun } from "./harness";

interface Endpoint {
  AWS_CONTAINER_CREDENTIALS_FULL_URI: string;
  AWS_CONTAINER_AUTHORIZATION_TOKEN: string;
}

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly done: Promise<CliRun>;
  readonly endpoint: Endpoint;
}

const REPO_ROOT = path.join(__dirname, "../..");

/** Starts `sso-kit serve --json ...` and waits until it prints where it serves. */
async function serve(sandbox: Sandbox, extraArgs: string[] = []): Promise<Served> {
  const args = ["serve", "--profile", PROFILE, "--json", ...extraArgs];
  const child = sandbox.spawn(args);
  const done = finished(child, args, sandbox.runs);
  const [line] = await waitForOutput(child, "stdout", /^\{.*\}\n/);
  await waitForStderr(child, /serving role credentials/);
  return { child, done, endpoint: JSON.parse(line) as Endpoint };
}

/** One GET (or other method) to the endpoint, as a plain HTTP client sees it. */
function fetchEndpoint(
  url: string,
  headers: Record<string, string>,
  method = "GET",
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "ignored body" : undefined);
  });
}

/** Runs a program that is not sso-kit with only the endpoint (and the emulator's STS) in its environment. */
function runClient(
  sandbox: Sandbox,
  endpoint: Endpoint,
  file: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: sandbox.home,
    AWS_CONFIG_FILE: path.join(sandbox.home, "no-config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(sandbox.home, "no-credentials"),
    AWS_REGION: sandbox.emu.region,
    AWS_ENDPOINT_URL_STS: sandbox.emu.url,
    ...endpoint,
  };
  return new Promise((resolve) => {
    execFile(file, args, { env, cwd: REPO_ROOT, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The SDK's default credential chain, in a child process: it finds the endpoint through the two variables. */
const SDK_CLIENT = `
const { STSClient, GetCallerIdentityCommand } = require("@aws-sdk/client-sts");
const sts = new STSClient({});
Promise.all([sts.send(new GetCallerIdentityCommand({})), sts.config.credentials()]).then(
  ([identity, credentials]) => {
    process.stdout.write(JSON.stringify({ account: identity.Account, accessKeyId: credentials.accessKeyId }));
    sts.destroy();
  },
  (error) => { process.stderr.write(String(error)); process.exitCode = 1; },
);`;

describe("sso-kit serve", () => {
  let sandbox: Sandbox;
  let served: Served | undefined;

  afterEach(async () => {
    if (served !== undefined) {
      served.child.kill("SIGKILL");
      await served.done;
      served = undefined;
    }
    await sandbox.dispose();
  });

  it("serves the SDK's default credential chain, which signs STS calls the emulator verifies", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    served = await serve(sandbox);
    expect(served.endpoint.AWS_CONTAINER_CREDENTIALS_FULL_URI).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/credentials$/,
    );
    expect(served.endpoint.AWS_CONTAINER_AUTHORIZATION_TOKEN).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const result = await runClient(sandbox, served.endpoint, process.execPath, [
      "--no-warnings",
      "-e",
      SDK_CLIENT,
    ]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const { account, accessKeyId } = JSON.parse(result.stdout) as { account: string; accessKeyId: string };
    expect(account).toBe(sandbox.emu.accounts[0]!.accountId);
    expect(sandbox.emu.issuedCredentials().map((issued) => issued.accessKeyId)).toEqual([accessKeyId]);
    expect(sandbox.emu.stats().GetCallerIdentity).toBe(1);
  });

  const awsCli = ["/usr/bin/aws", "/usr/local/bin/aws"].find((file) => existsSync(file));
  (awsCli === undefined ? it.skip : it)("serves the AWS CLI", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    served = await serve(sandbox);
    const result = await runClient(sandbox, served.endpoint, awsCli!, [
      "sts",
      "get-caller-identity",
      "--output",
      "json",
      // Debian's AWS CLI (2.9) predates AWS_ENDPOINT_URL_STS.
      "--endpoint-url",
      sandbox.emu.url,
    ]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout).Account).toBe(sandbox.emu.accounts[0]!.accountId);
    expect(sandbox.emu.stats().GetCallerIdentity).toBe(1);
  });

  it("answers 401 without a token and 403 with a wrong one, and logs neither token nor credentials", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    served = await serve(sandbox, ["--debug"]);
    const url = served.endpoint.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    const token = served.endpoint.AWS_CONTAINER_AUTHORIZATION_TOKEN;
    const missing = await fetchEndpoint(url, {});
    const wrong = await fetchEndpoint(url, { Authorization: `${token.slice(0, -1)}x` });
    const wrongLength = await fetchEndpoint(url, { Authorization: "short" });
    const bearer = await fetchEndpoint(url, { Authorization: `Bearer ${token}` });
    expect([missing.status, wrong.status, wrongLength.status, bearer.status]).toEqual([401, 403, 403, 403]);
    for (const { body } of [missing, wrong, wrongLength, bearer])
      expect(body).not.toMatch(/AccessKeyId|ASIA/);
    expect(
      (await fetchEndpoint(url.replace("/credentials", "/other"), { Authorization: token })).status,
    ).toBe(404);
    expect((await fetchEndpoint(url, { Authorization: token }, "POST")).status).toBe(405);
    const ok = await fetchEndpoint(`${url}?with=query`, { Authorization: token });
    expect(ok.status).toBe(200);
    const credentials = JSON.parse(ok.body) as Record<string, string>;
    expect(credentials).toEqual({
      AccessKeyId: expect.any(String),
      SecretAccessKey: expect.any(String),
      Token: expect.any(String),
      Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      AccountId: sandbox.emu.accounts[0]!.accountId,
    });
    served.child.kill("SIGTERM");
    const run = await served.done;
    served = undefined;
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/debug: .*"GET" "\/credentials": 401/);
    for (const secret of [token, credentials.SecretAccessKey!, credentials.Token!]) {
      expect(run.stderr).not.toContain(secret);
    }
  });

  it("reuses credentials while they last, and renews them before they expire", async () => {
    sandbox = await Sandbox.create({ roleCredentialsTtlSeconds: 120 }); // inside the 5-minute renewal window
    await sandbox.seedSignIn();
    served = await serve(sandbox);
    const { AWS_CONTAINER_CREDENTIALS_FULL_URI: url, AWS_CONTAINER_AUTHORIZATION_TOKEN: token } =
      served.endpoint;
    const first = JSON.parse((await fetchEndpoint(url, { Authorization: token })).body).AccessKeyId;
    const second = JSON.parse((await fetchEndpoint(url, { Authorization: token })).body).AccessKeyId;
    expect(second).not.toBe(first);
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(3); // at start, then once per request
  });

  it("calls GetRoleCredentials once while the credentials are fresh", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    served = await serve(sandbox);
    const { AWS_CONTAINER_CREDENTIALS_FULL_URI: url, AWS_CONTAINER_AUTHORIZATION_TOKEN: token } =
      served.endpoint;
    const bodies = [];
    for (let i = 0; i < 3; i++) bodies.push((await fetchEndpoint(url, { Authorization: token })).body);
    expect(new Set(bodies).size).toBe(1);
    expect(sandbox.emu.stats().GetRoleCredentials).toBe(1);
  });

  it("prints export lines and the docker form, and stops on SIGINT", async () => {
    sandbox = await Sandbox.create();
    await sandbox.seedSignIn();
    const args = ["serve", "--profile", PROFILE];
    const child = sandbox.spawn(args);
    const done = finished(child, args, sandbox.runs);
    await waitForStderr(child, /serving role credentials/);
    child.kill("SIGINT");
    const { code, stdout, stderr } = await done;
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^export AWS_CONTAINER_CREDENTIALS_FULL_URI=(http:\/\/127\.0\.0\.1:\d+\/credentials)\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=([\w-]+)\n# docker run -e AWS_CONTAINER_CREDENTIALS_FULL_URI=\1 -e AWS_CONTAINER_AUTHORIZATION_TOKEN=\2 IMAGE\n$/,
    );
    expect(stderr).toMatch(/stopped\n$/);
  });

  it("is listed in sso-kit --help, and its own help covers the options and containers", async () => {
    sandbox = await Sandbox.create();
    const top = await sandbox.run(["--help"]);
    expect(top.stdout).toMatch(/^ {2}serve\b/m);
    const { code, stdout } = await sandbox.run(["serve", "--help"]);
    expect(code).toBe(0);
    for (const text of ["--profile", "--host", "--port", "--json", "127.0.0.1", "host.docker.internal"]) {
      expect(stdout).toContain(text);
    }
  });

  it("exits 3 without serving when not signed in, and 2 on a bad port", async () => {
    sandbox = await Sandbox.create();
    const notSignedIn = await sandbox.run(["serve", "--profile", PROFILE]);
    expect({ code: notSignedIn.code, stdout: notSignedIn.stdout }).toEqual({ code: 3, stdout: "" });
    expect(notSignedIn.stderr).toMatch(/sso-kit login/);
    const badPort = await sandbox.run(["serve", "--profile", PROFILE, "--port", "70000"]);
    expect(badPort.code).toBe(2);
  });
});
