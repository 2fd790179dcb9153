import {
  InvalidRequestException,
  ListAccountRolesCommand,
  ListAccountsCommand,
  ResourceNotFoundException,
  UnauthorizedException,
  paginateListAccountRoles,
  paginateListAccounts,
  type AccountInfo,
  type RoleInfo,
} from "@aws-sdk/client-sso";
import { caught } from "../../../../test/support/emulator/caught.js";
import { ssoClient } from "../../../../test/support/emulator/clients.js";
import type { Emulator } from "../Emulator.js";
import { startEmulator } from "../startEmulator.js";

const accounts = [
  {
    accountId: "111111111111",
    accountName: "One",
    emailAddress: "one@example.com",
    roles: ["A", "B", "C", "D", "E"],
  },
  { accountId: "222222222222", accountName: "Two", emailAddress: "two@example.com", roles: [] },
  { accountId: "333333333333", accountName: "Three", emailAddress: "three@example.com", roles: ["A"] },
  { accountId: "444444444444", accountName: "Four", emailAddress: "four@example.com", roles: ["A"] },
  { accountId: "555555555555", accountName: "Five", emailAddress: "five@example.com", roles: ["A"] },
];

let emu: Emulator;
let accessToken: string;
beforeAll(async () => {
  emu = await startEmulator({ accounts, pageSize: 2 });
  accessToken = emu.seedToken().accessToken;
});
afterAll(() => emu.stop());

describe("ListAccounts", () => {
  it("pages through every account with paginateListAccounts", async () => {
    const pages: AccountInfo[][] = [];
    for await (const page of paginateListAccounts({ client: ssoClient(emu) }, { accessToken })) {
      pages.push(page.accountList ?? []);
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(accounts.map(({ roles: _roles, ...info }) => info));
    expect(emu.stats().ListAccounts).toBe(3);
  });

  it("honours maxResults and leaves nextToken out on the last page", async () => {
    const out = await ssoClient(emu).send(new ListAccountsCommand({ accessToken, maxResults: 10 }));
    expect(out.accountList).toHaveLength(5);
    expect(out.nextToken).toBeUndefined();
    const pages: number[] = [];
    for await (const page of paginateListAccounts({ client: ssoClient(emu), pageSize: 4 }, { accessToken })) {
      pages.push(page.accountList?.length ?? 0);
    }
    expect(pages).toEqual([4, 1]);
  });

  it("rejects forged, altered and foreign next tokens with InvalidRequestException", async () => {
    const first = await ssoClient(emu).send(new ListAccountsCommand({ accessToken }));
    const token = first.nextToken ?? "";
    const roles = await ssoClient(emu).send(
      new ListAccountRolesCommand({ accessToken, accountId: "111111111111" }),
    );
    for (const bad of ["garbage", `${token}x`, `x${token}`, roles.nextToken ?? ""]) {
      const e = await caught(ssoClient(emu).send(new ListAccountsCommand({ accessToken, nextToken: bad })));
      expect(e).toBeInstanceOf(InvalidRequestException);
      expect(e).toMatchObject({ $metadata: { httpStatusCode: 400 } });
    }
  });

  it("rejects an out-of-range maxResults and an invalid token", async () => {
    expect(
      await caught(ssoClient(emu).send(new ListAccountsCommand({ accessToken, maxResults: 0 }))),
    ).toBeInstanceOf(InvalidRequestException);
    expect(
      await caught(ssoClient(emu).send(new ListAccountsCommand({ accessToken: "nope" }))),
    ).toBeInstanceOf(UnauthorizedException);
  });
});

describe("ListAccountRoles", () => {
  it("pages through the roles of one account with paginateListAccountRoles", async () => {
    const roles: RoleInfo[] = [];
    for await (const page of paginateListAccountRoles(
      { client: ssoClient(emu) },
      { accessToken, accountId: "111111111111" },
    )) {
      roles.push(...(page.roleList ?? []));
    }
    expect(roles).toEqual(
      ["A", "B", "C", "D", "E"].map((roleName) => ({ roleName, accountId: "111111111111" })),
    );
  });

  it("answers an account without roles with an empty list", async () => {
    const out = await ssoClient(emu).send(
      new ListAccountRolesCommand({ accessToken, accountId: "222222222222" }),
    );
    expect(out.roleList).toEqual([]);
    expect(out.nextToken).toBeUndefined();
  });

  it("rejects another account's next token and an unknown account", async () => {
    const first = await ssoClient(emu).send(
      new ListAccountRolesCommand({ accessToken, accountId: "111111111111" }),
    );
    const e = await caught(
      ssoClient(emu).send(
        new ListAccountRolesCommand({ accessToken, accountId: "333333333333", nextToken: first.nextToken }),
      ),
    );
    expect(e).toBeInstanceOf(InvalidRequestException);
    expect(
      await caught(
        ssoClient(emu).send(new ListAccountRolesCommand({ accessToken, accountId: "999999999999" })),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
  });
});
