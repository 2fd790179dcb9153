import type { IncomingMessage } from "node:http";

/** Why a request body could not be read. */
export class BodyReadError extends Error {
  constructor(
    readonly reason: "too-large" | "timeout" | "aborted",
    message: string,
  ) {
    super(message);
    this.name = "BodyReadError";
  }
}

/**
 * Reads a request body of at most `maxBytes`. A larger body is drained (not kept) so that the client can read
 * the error reply; a body that has not fully arrived after `timeoutMs` fails with reason `timeout`.
 */
export const readBody = (req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) tooLarge = true;
    const finish = (error?: BodyReadError) => {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      if (error !== undefined) reject(error);
      else if (tooLarge)
        reject(new BodyReadError("too-large", `The request body is larger than ${maxBytes} bytes.`));
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = () => finish(new BodyReadError("aborted", "The request body could not be read."));
    const onClose = () => {
      if (!req.complete) onError();
    };
    const timer = setTimeout(
      () => finish(new BodyReadError("timeout", `The request body did not arrive within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
