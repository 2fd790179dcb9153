import type { Logger } from "@smithy/types";
import { request } from "node:http";
import { CREDENTIALS_PATH, type CredentialServer, startCredentialServer } from "./startCredentialServer.js";

const TOKEN = "the-token";

function get(
  url: string,
  headers: Record<string, string> = { Authorization: TOKEN },
): Promise<[number, string]> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve([response.statusCode ?? 0, body]));
    })
      .on("error", reject)
      .end();
  });
}

describe("startCredentialServer", () => {
  const lines: string[] = [];
  const logger: Logger = {
    debug: (line: string) => void lines.push(`debug ${line}`),
    info: (line: string) => void lines.push(`info ${line}`),
    warn: (line: string) => void lines.push(`warn ${line}`),
    error: (line: string) => void lines.push(`error ${line}`),
  };
  let server: CredentialServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    lines.length = 0;
  });

  it("answers 500 with the described failure when the provider fails, and serves again once it works", async () => {
    let fail = true;
    server = await startCredentialServer({
      credentials: async () => {
        if (fail) throw new Error("portal down (secret-value)");
        return { accessKeyId: "AKID", secretAccessKey: "s", sessionToken: "t", expiration: new Date(0) };
      },
      token: TOKEN,
      host: "127.0.0.1",
      port: 0,
      logger,
      describeFailure: (error) => String((error as Error).message).replace("secret-value", "***"),
    });
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${CREDENTIALS_PATH}$`));
    const [status, body] = await get(server.url);
    expect(status).toBe(500);
    expect(JSON.parse(body)).toEqual({ Code: "CredentialsUnavailable", Message: "portal down (***)" });
    expect(lines.join("\n")).not.toContain("secret-value");
    fail = false;
    const [okStatus, okBody] = await get(server.url);
    expect(okStatus).toBe(200);
    expect(JSON.parse(okBody)).toEqual({
      AccessKeyId: "AKID",
      SecretAccessKey: "s",
      Token: "t",
      Expiration: "1970-01-01T00:00:00Z",
    });
  });

  it("refuses credentials without a session token or expiry (the container contract requires both)", async () => {
    server = await startCredentialServer({
      credentials: async () => ({ accessKeyId: "AKID", secretAccessKey: "s" }),
      token: TOKEN,
      host: "127.0.0.1",
      port: 0,
      logger,
      describeFailure: String,
    });
    expect((await get(server.url))[0]).toBe(500);
  });
});
