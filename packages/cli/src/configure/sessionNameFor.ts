/**
 * The proposed sso-session name for a start URL: the first label of its host (`my-portal` of
 * https://my-portal.awsapps.com/start, `d-1234567890` of https://d-1234567890.awsapps.com/start), or `sso` when
 * the host is an address.
 */
export function sessionNameFor(startUrl: string): string {
  let host: string;
  try {
    host = new URL(startUrl).hostname;
  } catch {
    return "sso";
  }
  const label = host.split(".")[0] ?? "";
  return /^[A-Za-z][A-Za-z0-9-]*$/.test(label) && label !== "localhost" ? label : "sso";
}
