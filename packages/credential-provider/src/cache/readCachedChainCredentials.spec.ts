import { useTempHome } from "../../../../test/support/useTempHome.js";
import type { RoleChain } from "../config/RoleChain.js";
import type { RoleHop } from "../config/RoleHop.js";
import { roleHop } from "../../../../test/support/credential-provider/roleHop.js";
import { RoleCredentialCache } from "./RoleCredentialCache.js";
import { readCachedChainCredentials } from "./readCachedChainCredentials.js";
import { roleCredentialCacheSlot } from "./roleCredentialCacheSlot.js";

const hop = (roleArn: string): RoleHop => roleHop({ profileName: "p", roleArn, roleSessionName: "alice" });

const chain: RoleChain = {
  base: {
    kind: "legacy",
    startUrl: "https://example.awsapps.com/start",
    region: "us-east-1",
    accountId: "111111111111",
    roleName: "Dev",
    profileName: "dev",
    fromProfile: true,
  },
  hops: [hop("arn:aws:iam::222222222222:role/Deploy"), hop("arn:aws:iam::222222222222:role/Audit")],
};

const cachedFor = (accessKeyId: string, minutes: number) => ({
  accessKeyId,
  secretAccessKey: "s",
  sessionToken: "t",
  expiration: new Date(Date.now() + minutes * 60_000),
});

describe("readCachedChainCredentials", () => {
  useTempHome({ prefix: "sso-kit-chain-cache-" });
  const write = async (level: RoleChain["base"] | RoleHop, accessKeyId: string, minutes = 60) => {
    const slot = roleCredentialCacheSlot(level);
    await new RoleCredentialCache({ entry: slot.entry }).write(slot.key, cachedFor(accessKeyId, minutes));
  };
  const read = (renew = true) => readCachedChainCredentials(chain, { renew, logger: undefined });

  it("finds nothing in an empty cache", async () => {
    await expect(read()).resolves.toBeUndefined();
  });

  it("takes the outermost fresh level: the last hop's credentials need nothing more", async () => {
    await write(chain.base, "ASIABASE");
    await write(chain.hops[1]!, "ASIAAUDIT");
    await expect(read()).resolves.toMatchObject({ credentials: { accessKeyId: "ASIAAUDIT" }, nextHop: 2 });
  });

  it("falls back to a lower level when the ones above are missing or within the refresh window", async () => {
    await write(chain.base, "ASIABASE");
    await write(chain.hops[1]!, "ASIAALMOSTEXPIRED", 2);
    await expect(read()).resolves.toMatchObject({ credentials: { accessKeyId: "ASIABASE" }, nextHop: 0 });
  });

  it("on forceRefresh (renew: false) skips the outermost level only", async () => {
    await write(chain.hops[0]!, "ASIADEPLOY");
    await write(chain.hops[1]!, "ASIAAUDIT");
    await expect(read(false)).resolves.toMatchObject({
      credentials: { accessKeyId: "ASIADEPLOY" },
      nextHop: 1,
    });
  });
});
