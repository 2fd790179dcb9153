import { createHash, timingSafeEqual } from "node:crypto";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import type { RequestContext } from "../http/RequestContext.js";
import type { IssuedCredential } from "../state/CredentialStore.js";
import { parseAmzDate } from "./parseAmzDate.js";
import { parseAuthorizationHeader } from "./parseAuthorizationHeader.js";
import { stsError } from "./stsError.js";

/** How far a request's timestamp may be from real time, as AWS allows. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Verifies the SigV4 signature of an STS request against the credentials the emulator issued and returns them.
 * The canonical request is re-signed with `@smithy/signature-v4` at the request's own `x-amz-date`, with exactly
 * the headers the client signed, and the signatures are compared in constant time. Errors are STS's own:
 * MissingAuthenticationToken, IncompleteSignature, InvalidClientTokenId, ExpiredToken, SignatureDoesNotMatch.
 */
export const verifySigV4 = async (ctx: RequestContext): Promise<IssuedCredential> => {
  const header = ctx.headers.authorization;
  if (typeof header !== "string" || header === "") {
    throw stsError("MissingAuthenticationToken", "Request is missing Authentication Token");
  }
  const auth = parseAuthorizationHeader(header);
  const amzDate = ctx.headers["x-amz-date"];
  const signingDate = typeof amzDate === "string" ? parseAmzDate(amzDate) : undefined;
  if (
    auth === undefined ||
    signingDate === undefined ||
    typeof amzDate !== "string" ||
    !amzDate.startsWith(auth.date)
  ) {
    throw stsError("IncompleteSignature", "The request signature does not conform to AWS standards.");
  }
  if (auth.service !== "sts" || !auth.signedHeaders.includes("host")) {
    throw stsError(
      "SignatureDoesNotMatch",
      "Credential should be scoped to a valid service and sign the host header.",
    );
  }
  const credential = ctx.state.credentials.get(auth.accessKeyId);
  const sessionToken = ctx.headers["x-amz-security-token"];
  if (credential === undefined || sessionToken !== credential.sessionToken) {
    throw stsError("InvalidClientTokenId", "The security token included in the request is invalid.");
  }
  if (ctx.state.clock.now() >= credential.expirationMs) {
    throw stsError("ExpiredToken", "The security token included in the request is expired");
  }
  const now = Date.now();
  if (Math.abs(now - signingDate.getTime()) > MAX_SKEW_MS) {
    const earliest = formatAmzDate(new Date(now - MAX_SKEW_MS));
    throw stsError(
      "SignatureDoesNotMatch",
      `Signature expired: ${amzDate} is now earlier than ${earliest} (${formatAmzDate(new Date(now))} - 15 min.)`,
    );
  }
  const expected = await expectedSignature(ctx, auth.signedHeaders, auth.region, signingDate, credential);
  const given = Buffer.from(auth.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw stsError(
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
  }
  return credential;
};

const expectedSignature = async (
  ctx: RequestContext,
  signedHeaders: string[],
  region: string,
  signingDate: Date,
  credential: IssuedCredential,
): Promise<Buffer> => {
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = ctx.headers[name];
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  // The signer trusts a payload hash header; the emulator hashes the body it received instead, so that a body
  // changed after signing no longer matches.
  if (headers["x-amz-content-sha256"] !== undefined) {
    headers["x-amz-content-sha256"] = createHash("sha256").update(ctx.rawBody).digest("hex");
  }
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of ctx.query) {
    const previous = query[name];
    query[name] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      sessionToken: credential.sessionToken,
    },
    region,
    service: "sts",
    sha256: Hash.bind(null, "sha256"),
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: ctx.method,
      protocol: "http:",
      hostname: "127.0.0.1",
      path: ctx.path,
      query,
      headers,
      body: ctx.rawBody,
    },
    { signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const authorization = signed.headers.authorization ?? "";
  return Buffer.from(/Signature=([0-9a-f]{64})$/.exec(authorization)?.[1] ?? "");
};

const formatAmzDate = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
