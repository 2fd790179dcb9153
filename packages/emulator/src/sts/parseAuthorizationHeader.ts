/** The parts of a SigV4 `Authorization` header. */
export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request, ?SignedHeaders=([a-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$/;

/** Parses an `AWS4-HMAC-SHA256` Authorization header; `undefined` when it is not one. */
export const parseAuthorizationHeader = (header: string): SigV4Authorization | undefined => {
  const match = PATTERN.exec(header.trim());
  if (match === null) return undefined;
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  if (!accessKeyId || !date || !region || !service || !signedHeaders || !signature) return undefined;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(";"), signature };
};
