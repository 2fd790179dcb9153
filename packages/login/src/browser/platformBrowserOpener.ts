import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** Opens a URL in the user's browser. Resolves once the attempt has been made (not when the page loads). */
export type BrowserOpener = (url: string) => void | Promise<void>;

/**
 * The operating system's URL opener, or `undefined` when this machine has none that could show a page:
 * - Linux and other Unix: `xdg-open`, only when it is on `PATH` and a display is available (`DISPLAY` or
 *   `WAYLAND_DISPLAY`); a headless server or an SSH session without X forwarding gets none.
 * - macOS: `open`, unless the process runs in an SSH session (the page would open on someone else's screen).
 * - Windows: `rundll32 url.dll,FileProtocolHandler`, the shell's own "start a URL" entry point; unlike
 *   `cmd /c start` it takes the URL as one argument, so `&` and `%` in the query are never interpreted.
 * The opener only accepts `http:` and `https:` URLs: a URL comes from the service and must not make the
 * opener launch a local file or another scheme handler.
 */
export function platformBrowserOpener(): BrowserOpener | undefined {
  const env = process.env;
  let command: string;
  let prefix: string[] = [];
  if (process.platform === "win32") {
    command = "rundll32";
    prefix = ["url.dll,FileProtocolHandler"];
  } else if (process.platform === "darwin") {
    if (env.SSH_CONNECTION || env.SSH_TTY) return undefined;
    command = "open";
  } else {
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
    command = "xdg-open";
  }
  const executable = findOnPath(command);
  if (executable === undefined) return undefined;
  return (url) => launch(executable, [...prefix, checkedUrl(url)]);
}

function checkedUrl(url: string): string {
  const protocol = new URL(url).protocol;
  if (protocol !== "https:" && protocol !== "http:") {
    throw new Error(`refusing to open a ${protocol} URL in the browser`);
  }
  return url;
}

/** Starts the opener detached; resolves when it started, rejects when it could not be started. */
function launch(executable: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { detached: true, stdio: "ignore", windowsHide: true });
    child.once("error", reject);
    child.once("spawn", () => {
      child.unref();
      resolve();
    });
  });
}

function findOnPath(command: string): string | undefined {
  const extensions = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE").split(";") : [""];
  for (const directory of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!directory) continue;
    for (const extension of extensions) {
      const candidate = path.join(directory, command + extension);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}
