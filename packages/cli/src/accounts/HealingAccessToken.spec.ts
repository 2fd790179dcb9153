import { HealingAccessToken } from "./HealingAccessToken.js";

const rejected = () => Object.assign(new Error("rejected"), { name: "UnauthorizedException" });
const described = async (error: unknown) => new Error(`described: ${(error as Error).message}`);

describe("HealingAccessToken", () => {
  it("hands the token to each call and describes a failure that is not a rejection, without refreshing", async () => {
    const refresh = jest.fn(async () => "t2");
    const token = new HealingAccessToken("t1", refresh);
    await expect(token.run(async (t) => t, described)).resolves.toBe("t1");
    await expect(token.run(async () => Promise.reject(new Error("HTTP 500")), described)).rejects.toThrow(
      "described: HTTP 500",
    );
    expect(refresh).not.toHaveBeenCalled();
  });

  it("refreshes a rejected token once for every call rejected with it, and uses the new one afterwards", async () => {
    let release!: () => void;
    const refresh = jest.fn(
      (from: string) => new Promise<string>((resolve) => (release = () => resolve(`${from}-renewed`))),
    );
    const token = new HealingAccessToken("t1", refresh);
    const seen: string[] = [];
    const call = async (t: string) => {
      seen.push(t);
      if (t === "t1") throw rejected();
      return t;
    };
    const both = Promise.all([token.run(call, described), token.run(call, described)]);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await expect(both).resolves.toEqual(["t1-renewed", "t1-renewed"]);
    await expect(token.run(call, described)).resolves.toBe("t1-renewed");
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledWith("t1");
    expect(seen).toEqual(["t1", "t1", "t1-renewed", "t1-renewed", "t1-renewed"]);
    expect(token.secrets).toEqual(["t1", "t1-renewed"]);
  });

  it("a renewed token rejected too is final: described, never refreshed again", async () => {
    const refresh = jest.fn(async () => "t2");
    const token = new HealingAccessToken("t1", refresh);
    const call = async () => Promise.reject(rejected());
    await expect(token.run(call, described)).rejects.toThrow("described: rejected");
    await expect(token.run(call, described)).rejects.toThrow("described: rejected");
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("a failed refresh is thrown as it is (it says whether to sign in or try again)", async () => {
    const failure = Object.assign(new Error("refresh token revoked"), { reason: "SessionEnded" });
    const token = new HealingAccessToken("t1", async () => Promise.reject(failure));
    await expect(token.run(async () => Promise.reject(rejected()), described)).rejects.toBe(failure);
  });

  it("without a way to refresh (legacy), a rejection is described at once", async () => {
    const token = new HealingAccessToken("t1", undefined);
    await expect(token.run(async () => Promise.reject(rejected()), described)).rejects.toThrow(
      "described: rejected",
    );
  });
});
