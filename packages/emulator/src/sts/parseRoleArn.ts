/** The parts of an IAM role ARN. */
export interface RoleArn {
  accountId: string;
  /** `/` or `/path/.../`, as IAM writes role paths. */
  path: string;
  roleName: string;
}

const PATTERN = /^arn:aws:iam::(\d{12}):role(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

/** Parses `arn:aws:iam::<account>:role[/path]/<name>`; `undefined` when it is not a role ARN. */
export const parseRoleArn = (arn: string): RoleArn | undefined => {
  const match = PATTERN.exec(arn);
  if (match === null) return undefined;
  const [, accountId = "", path = "/", roleName = ""] = match;
  return { accountId, path, roleName };
};

/** The role ARN of a role without a path. */
export const roleArnOf = (accountId: string, roleName: string): string =>
  `arn:aws:iam::${accountId}:role/${roleName}`;
