/**
 * What is wrong with each of `configure`'s answers (flags, typed or piped), or `undefined` when it is fine. The
 * answers become lines of the config file: they may hold no line break, bracket or comment character.
 */
export const answerChecks = {
  startUrl(value: string): string | undefined {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return `'${value}' is not a URL (like https://my-portal.awsapps.com/start).`;
    }
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      return `'${value}' is not an https:// URL (plain http only on this machine, for an emulator).`;
    }
    return /[\s#;[\]]/.test(value)
      ? `'${value}' has spaces or characters the config file cannot hold.`
      : undefined;
  },
  region(value: string): string | undefined {
    return /^[a-z]{2,}(-[a-z0-9]+)+$/.test(value)
      ? undefined
      : `'${value}' is not a region name (like eu-west-1).`;
  },
  /** Session and profile names: the characters `profiles generate` allows in names too. */
  name(value: string): string | undefined {
    return /^[A-Za-z0-9._-]{1,128}$/.test(value)
      ? undefined
      : `'${value}' is not a name of letters, digits, '.', '_' and '-' (at most 128).`;
  },
  scopes(value: string): string | undefined {
    return value.split(",").every((scope) => /^[A-Za-z0-9:._/-]+$/.test(scope.trim()))
      ? undefined
      : `'${value}' is not a comma-separated list of scopes (like sso:account:access).`;
  },
  accountId(value: string): string | undefined {
    return /^\d{12}$/.test(value) ? undefined : `'${value}' is not an account id (12 digits).`;
  },
  roleName(value: string): string | undefined {
    return /^[\w+=,.@-]{1,64}$/.test(value) ? undefined : `'${value}' is not a role (permission set) name.`;
  },
  output(value: string): string | undefined {
    return OUTPUT_FORMATS.includes(value)
      ? undefined
      : `'${value}' is not one of ${OUTPUT_FORMATS.join(", ")}.`;
  },
} as const;

/** The AWS CLI's output formats. */
const OUTPUT_FORMATS = ["json", "yaml", "yaml-stream", "text", "table"];
