import { redactSecrets } from "../errors/redactSecrets.js";

/** What the SDK's retry middleware makes of a thrown value that is not an `Error` of its own realm. */
const SDK_WRAPPER = "AWS SDK error wrapper for ";

/** The SDK's note after a reply it could not deserialize: it points at a hidden field, not at the cause. */
const DESERIALIZATION_NOTE =
  /\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.?/;

/** `Name: message` inside the SDK's wrapper text. */
const NAMED_MESSAGE = /^([A-Za-z_$][\w$]*): ([\s\S]*)$/;

interface Failure {
  name: string;
  message: string;
  code: string | undefined;
}

/**
 * Name, message and system error code of anything error-shaped. Duck-typed: an error made in another realm (a
 * worker, a `vm` context, a test runner's sandbox) is not an `instanceof Error` here but says the same.
 */
const readFailure = (error: unknown): Failure | undefined => {
  if (typeof error !== "object" || error === null) return undefined;
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  if (typeof message !== "string") return undefined;
  let failure: Failure = {
    name: typeof name === "string" ? name : "",
    message,
    code: typeof code === "string" ? code : undefined,
  };
  if ((failure.name === "Error" || failure.name === "") && message.startsWith(SDK_WRAPPER)) {
    const inner = message.slice(SDK_WRAPPER.length);
    const named = NAMED_MESSAGE.exec(inner);
    failure = { ...failure, name: named?.[1] ?? "", message: named?.[2] ?? inner };
  }
  return { ...failure, message: oneLine(failure.message.replace(DESERIALIZATION_NOTE, "")) };
};

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

const sentence = ({ name, message, code }: Failure): string => {
  // Node's words for a reply whose connection closed before its end, and for a connection closed under a request.
  if (message === "aborted") return "the reply was cut off before it was complete";
  if (code === "ECONNRESET" || /\b(socket hang up|ECONNRESET)\b/.test(message)) {
    return "the connection was reset";
  }
  // V8 quotes the text it failed to parse (`Unexpected token 'x', "{"accessToken":"..." is not valid JSON`),
  // and that text is a reply or a file that may hold secrets nobody here knows.
  if (name === "SyntaxError") return "SyntaxError: not valid JSON";
  const prefix = name === "Error" || name === "" ? "" : `${name}: `;
  return `${prefix}${message === "" || message === "UnknownError" ? "(no message)" : message}`;
};

/**
 * A failure in one line of words for users, e.g. `InvalidGrantException: refresh token revoked`, `the connection
 * was reset`, `the reply was cut off before it was complete`, `connect ECONNREFUSED 127.0.0.1:443`.
 *
 * It is how sso-kit quotes any error (a service exception, a network failure, an fs error) inside its own error
 * messages and log lines: the SDK's wrapper and deserialization notes are dropped, a `SyntaxError`'s message
 * (which quotes the text it could not parse) is not repeated, and every one of `secrets` (what the failed call
 * sent or holds: tokens, client secret, device code, authorization code, code verifier) that the text quotes is
 * replaced by `[redacted]` (see {@link redactSecrets}).
 */
export const describeError = (error: unknown, secrets: ReadonlyArray<string | undefined>): string => {
  const failure = readFailure(error);
  return redactSecrets(failure === undefined ? oneLine(String(error)) : sentence(failure), secrets);
};
