import type { Logger } from "@smithy/types";
import { describeError } from "@sso-kit/token-provider/internal";

import type { BrowserOpener } from "./platformBrowserOpener.js";

/**
 * Opens `url` with `opener` when there is one. A browser that cannot be opened is not a failure of the
 * login (the prompt already told the user where to go), so the error is only logged.
 */
export async function openInBrowser(
  opener: BrowserOpener | undefined,
  url: string,
  logger?: Logger,
): Promise<void> {
  if (!opener) return;
  try {
    await opener(url);
  } catch (error) {
    logger?.warn?.(
      `sso-kit login: could not open the browser (${describeError(error, [])}); open the URL shown instead`,
    );
  }
}
