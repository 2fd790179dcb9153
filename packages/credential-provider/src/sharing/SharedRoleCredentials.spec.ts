import type { RoleCredentials } from "../portal/RoleCredentials.js";
import { REFRESH_WINDOW_MS } from "./REFRESH_WINDOW_MS.js";
import { isFresh, SharedRoleCredentials } from "./SharedRoleCredentials.js";

const credentials = (expiresInMs: number, accessKeyId = "ASIATEST"): RoleCredentials => ({
  accessKeyId,
  secretAccessKey: "secret",
  sessionToken: "session",
  expiration: Date.now() + expiresInMs,
});

/** A fetch that counts its calls and settles when told to. */
const controlledFetch = () => {
  const calls: Array<{ resolve: (c: RoleCredentials) => void; reject: (e: unknown) => void }> = [];
  const fetch = () =>
    new Promise<RoleCredentials>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { fetch, calls };
};

test("concurrent resolves of one key share one fetch, and fresh credentials are then reused", async () => {
  const shared = new SharedRoleCredentials(10);
  const { fetch, calls } = controlledFetch();
  const pending = Array.from({ length: 5 }, () => shared.resolve("k", fetch, true));
  expect(calls).toHaveLength(1);
  calls[0]?.resolve(credentials(3_600_000));
  const results = await Promise.all(pending);
  expect(new Set(results).size).toBe(1);
  await shared.resolve("k", fetch, true);
  expect(calls).toHaveLength(1);
});

test("credentials inside the refresh window are fetched again; reuse: false always fetches", async () => {
  const shared = new SharedRoleCredentials(10);
  let n = 0;
  const fetch = async () => credentials(REFRESH_WINDOW_MS - 1000, `ASIA${++n}`);
  await shared.resolve("k", fetch, true);
  await shared.resolve("k", fetch, true);
  expect(n).toBe(2);
  const lasting = async () => credentials(3_600_000, `ASIA${++n}`);
  await shared.resolve("j", lasting, false);
  await shared.resolve("j", lasting, false);
  expect(n).toBe(4);
  expect((await shared.resolve("j", lasting, true)).accessKeyId).toBe("ASIA4");
});

test("a failed fetch is shared by its waiters and not remembered", async () => {
  const shared = new SharedRoleCredentials(10);
  const { fetch, calls } = controlledFetch();
  const waiters = [shared.resolve("k", fetch, true), shared.resolve("k", fetch, true)];
  calls[0]?.reject(new Error("boom"));
  for (const waiter of waiters) await expect(waiter).rejects.toThrow("boom");
  expect(shared.size).toBe(0);
  const next = shared.resolve("k", fetch, true);
  calls[1]?.resolve(credentials(3_600_000));
  await expect(next).resolves.toMatchObject({ accessKeyId: "ASIATEST" });
});

test("invalidate forgets the credentials of a key", async () => {
  const shared = new SharedRoleCredentials(10);
  let n = 0;
  const fetch = async () => credentials(3_600_000, `ASIA${++n}`);
  await shared.resolve("k", fetch, true);
  shared.invalidate("k");
  expect((await shared.resolve("k", fetch, true)).accessKeyId).toBe("ASIA2");
  shared.invalidate("absent");
});

test("memory is bounded: expired entries go first, then the least recently used idle ones", async () => {
  const shared = new SharedRoleCredentials(3);
  await shared.resolve("expired", async () => credentials(-1000), true);
  await shared.resolve("a", async () => credentials(3_600_000), true);
  await shared.resolve("b", async () => credentials(3_600_000), true);
  await shared.resolve("c", async () => credentials(3_600_000), true);
  expect(shared.size).toBe(3); // "expired" dropped
  await shared.resolve("a", async () => credentials(3_600_000, "ASIANEW"), true); // touch a
  await shared.resolve("d", async () => credentials(3_600_000), true);
  expect(shared.size).toBe(3); // "b", the least recently used, dropped
  let fetched = false;
  await shared.resolve("a", async () => ((fetched = true), credentials(3_600_000)), true);
  expect(fetched).toBe(false);
  await shared.resolve("b", async () => ((fetched = true), credentials(3_600_000)), true);
  expect(fetched).toBe(true);
});

test("in-flight fetches are never evicted", async () => {
  const shared = new SharedRoleCredentials(1);
  const { fetch, calls } = controlledFetch();
  const first = shared.resolve("a", fetch, true);
  const second = shared.resolve("b", fetch, true);
  expect(shared.size).toBe(2);
  calls[0]?.resolve(credentials(3_600_000));
  calls[1]?.resolve(credentials(3_600_000));
  await Promise.all([first, second]);
});

test("isFresh is false inside the 5-minute window", () => {
  const now = Date.now();
  expect(isFresh(credentials(REFRESH_WINDOW_MS + 60_000), now)).toBe(true);
  expect(isFresh(credentials(REFRESH_WINDOW_MS - 60_000), now)).toBe(false);
});
