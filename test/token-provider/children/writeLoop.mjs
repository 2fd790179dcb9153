// Rewrites the session's token file SSO_KIT_WRITES times through the cache store (under its lock, re-reading the
// current token each time so that refreshes by other processes are kept), alternating between two large paddings
// so that a non-atomic write would be visible to a concurrent reader as a partial file.
import { SsoTokenCache } from "@sso-kit/token-provider";

const cache = new SsoTokenCache();
const name = process.env.SSO_KIT_TEST_SESSION_NAME;
const writes = Number(process.env.SSO_KIT_WRITES ?? "100");
for (let i = 0; i < writes; i++) {
  await cache.withLock(name, async () => {
    const current = await cache.readToken(name);
    await cache.writeToken(name, { ...current, padding: String(i % 10).repeat(200_000 + (i % 2) * 50_000) });
  });
}
process.stdout.write("done\n");
