import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { fromSSO } from "@sso-kit/credential-provider";
import { Command, InvalidArgumentError } from "commander";
import { randomBytes } from "node:crypto";
import { describeCommandFailure } from "../errors/describeCommandFailure.js";
import { shellQuote } from "../output/shellQuote.js";
import type { CliContextFactory } from "../program/CliContext.js";
import { startCredentialServer } from "../serve/startCredentialServer.js";
import { LOGIN_OPTION_HELP, onDemandLogin } from "../program/onDemandLogin.js";

const DEFAULT_HOST = "127.0.0.1";
const URI_VARIABLE = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
const TOKEN_VARIABLE = "AWS_CONTAINER_AUTHORIZATION_TOKEN";

/**
 * `sso-kit serve [--profile P] [--host H] [--port N] [--json]`: serves the profile's role credentials, renewed
 * before they expire, on a local container-credentials endpoint (see `startCredentialServer`) until Ctrl-C, for
 * long-running programs and containers, whose AWS SDKs read it through `AWS_CONTAINER_CREDENTIALS_FULL_URI` and
 * `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
 */
export function serveCommand(context: CliContextFactory): Command {
  return new Command("serve")
    .description("serve the profile's role credentials on a local endpoint the AWS SDKs and CLI read")
    .option(
      "--profile <name>",
      "SSO profile with sso_account_id and sso_role_name [AWS_PROFILE, then default]",
    )
    .option(
      "--host <address>",
      "address to listen on (anything but loopback is reachable by others)",
      DEFAULT_HOST,
    )
    .option("--port <number>", "port to listen on; 0 picks a free one", parsePort, 0)
    .option("--json", "print the two variables as a JSON object")
    .option("--login", LOGIN_OPTION_HELP)
    .addHelpText(
      "after",
      [
        "",
        "Prints the two variables for the programs to use, then serves until Ctrl-C. Each run has a new random",
        "token. Credentials are renewed through IAM Identity Center before they expire, for as long as the SSO",
        "session lasts.",
        "",
        "Example:",
        "  sso-kit serve --profile my-sso-profile      # leave it running; in another shell, run the printed",
        "                                              # export lines, then the long-running program",
        "",
        "Containers: inside a container, 127.0.0.1 is the container itself. On Linux, run the container with",
        "--network host and keep the default --host. Otherwise listen on an address the container reaches",
        "(--host 0.0.0.0 or the docker bridge IP such as 172.17.0.1) and set the URI to host.docker.internal or that",
        "IP; note that the AWS SDKs and CLI accept a plain-http URI only for loopback and 169.254.170.2/.23, so such",
        "a setup needs a client that does not check, or a proxy on one of those addresses.",
      ].join("\n"),
    )
    .action(
      async (
        options: { profile?: string; host: string; port: number; json?: boolean; login?: boolean },
        command: Command,
      ) => {
        const run = context(command);
        const { output, logger, secrets, signal } = run;
        const sso = fromSSO({
          ...(options.profile !== undefined && { profile: options.profile }),
          // Also later: a session that ends while serving is signed in again when a client next asks.
          login: onDemandLogin(options.login, run),
          logger,
        });
        const credentials: AwsCredentialIdentityProvider = async () => {
          const identity = await sso();
          secrets.add(identity.secretAccessKey, identity.sessionToken);
          return identity;
        };
        // Fail now, with the CLI's exit codes, rather than on the first request: not signed in, no such profile.
        await credentials();
        if (!isLoopback(options.host)) {
          output.info(
            `sso-kit: warning: listening on ${options.host}, not loopback: anyone who can reach it and learns the token gets the credentials`,
          );
        }
        const token = randomBytes(32).toString("base64url");
        secrets.add(token);
        const server = await startCredentialServer({
          credentials,
          token,
          host: options.host,
          port: options.port,
          logger,
          describeFailure: (error) => describeCommandFailure(error, secrets.values()).message,
        });
        try {
          if (options.json === true) {
            output.print(JSON.stringify({ [URI_VARIABLE]: server.url, [TOKEN_VARIABLE]: token }));
          } else {
            output.print(
              `export ${URI_VARIABLE}=${shellQuote(server.url)}`,
              `export ${TOKEN_VARIABLE}=${shellQuote(token)}`,
              `# docker run -e ${URI_VARIABLE}=${shellQuote(server.url)} -e ${TOKEN_VARIABLE}=${shellQuote(token)} IMAGE`,
            );
          }
          output.info(`serving role credentials at ${server.url}; Ctrl-C to stop`);
          await new Promise<void>((resolve) => {
            if (signal.aborted) resolve();
            else signal.addEventListener("abort", () => resolve(), { once: true });
          });
        } finally {
          await server.close();
        }
        output.info("stopped");
      },
    );
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError("expected a port from 0 to 65535");
  return port;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
