// Takes the session's cache lock, says "locked", and holds it until killed (at most 60 s).
import { SsoTokenCache } from "@sso-kit/token-provider";
import { setTimeout as sleep } from "node:timers/promises";

const cache = new SsoTokenCache();
await cache.withLock(process.env.SSO_KIT_TEST_SESSION_NAME, async () => {
  process.stdout.write("locked\n");
  await sleep(60_000);
});
