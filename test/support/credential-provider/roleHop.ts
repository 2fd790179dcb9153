import type { RoleHop } from "../../../packages/credential-provider/src/config/RoleHop.js";

/**
 * A role chain's hop for specs: `prod` assuming `arn:aws:iam::222222222222:role/Deploy`, every optional setting
 * unset, with `more` on top.
 */
export const roleHop = (more: Partial<RoleHop> = {}): RoleHop => ({
  profileName: "prod",
  roleArn: "arn:aws:iam::222222222222:role/Deploy",
  accountId: "222222222222",
  roleSessionName: undefined,
  externalId: undefined,
  durationSeconds: undefined,
  mfaSerial: undefined,
  region: undefined,
  useGlobalEndpoint: false,
  ...more,
});
