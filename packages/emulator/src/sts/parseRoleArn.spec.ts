import { parseRoleArn, roleArnOf } from "./parseRoleArn.js";

describe("parseRoleArn", () => {
  it("reads the account, path and name of a role ARN", () => {
    expect(parseRoleArn("arn:aws:iam::222222222222:role/Deploy")).toEqual({
      accountId: "222222222222",
      path: "/",
      roleName: "Deploy",
    });
    expect(parseRoleArn("arn:aws:iam::222222222222:role/ci/prod/Deploy")).toEqual({
      accountId: "222222222222",
      path: "/ci/prod/",
      roleName: "Deploy",
    });
    expect(roleArnOf("111111111111", "Hub")).toBe("arn:aws:iam::111111111111:role/Hub");
  });

  it.each([
    "arn:aws:iam::22222222222:role/Deploy",
    "arn:aws:iam::222222222222:user/Deploy",
    "arn:aws:iam::222222222222:role/",
    "arn:aws:iam::222222222222:role/bad name",
    "arn:aws:sts::222222222222:assumed-role/Deploy/s",
    `arn:aws:iam::222222222222:role/${"x".repeat(65)}`,
  ])("rejects %s", (arn) => expect(parseRoleArn(arn)).toBeUndefined());
});
