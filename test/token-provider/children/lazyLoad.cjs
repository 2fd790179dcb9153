// Loads the CommonJS build, gets a token that needs no refresh, and reports whether the SSO-OIDC client was
// loaded; then forces a refresh and reports again. Prints one JSON line.
const { fromSsoSession } = require("@sso-kit/token-provider");

const loaded = () => Object.keys(require.cache).some((path) => path.includes("client-sso-oidc"));

(async () => {
  const session = JSON.parse(process.env.SSO_KIT_TEST_SESSION);
  await fromSsoSession({ session })();
  const afterFresh = loaded();
  await fromSsoSession({ session, refreshWindowMs: 24 * 3600 * 1000 })();
  process.stdout.write(`${JSON.stringify({ afterFresh, afterRefresh: loaded() })}\n`);
})().catch((error) => {
  process.stdout.write(`${JSON.stringify({ error: error.message })}\n`);
});
