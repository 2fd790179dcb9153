import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";

/**
 * The most pages sso-kit reads of one listing (ListAccounts, or ListAccountRoles of one account): a portal that
 * pages 1,000 times has at least tens of thousands of entries to give, far beyond any real assignment, and a
 * portal that never stops must not keep the command (and its memory) growing.
 */
export const MAX_PAGES = 1_000;

/** A page of an SDK paginator: its `nextToken` and the HTTP status it came with. */
interface Page {
  readonly nextToken?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * Reads every page of `pages` (an SDK paginator of `operation`), handing each to `onPage`, and stops with a
 * service-failure `CliError` (exit 1, "try again") when the portal sends a `nextToken` it sent before (the
 * paginator would ask for the same page forever) or more than {@link MAX_PAGES} pages.
 */
export async function readPages<P extends Page>(
  operation: string,
  pages: AsyncIterable<P>,
  onPage: (page: P) => void,
): Promise<void> {
  const seen = new Set<string>();
  let count = 0;
  for await (const page of pages) {
    count++;
    onPage(page);
    const token = page.nextToken;
    if (token === undefined || token === "") return;
    const status = `HTTP ${page.$metadata?.httpStatusCode ?? "status unknown"}`;
    if (seen.has(token)) {
      throw failure(`sent a nextToken it had already sent, after ${count} pages (${status})`, operation);
    }
    if (count >= MAX_PAGES) {
      throw failure(
        `was still sending pages after ${MAX_PAGES} pages, the most sso-kit reads (${status})`,
        operation,
      );
    }
    seen.add(token);
  }
}

function failure(what: string, operation: string): CliError {
  return new CliError(
    `IAM Identity Center's ${operation} ${what}: the service failed; try again`,
    ExitCode.Failure,
  );
}
