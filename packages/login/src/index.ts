export { login } from "./login.js";
export { logout, type LogoutOptions, type LogoutResult } from "./logout.js";
export type { LoginFlow, LoginOptions, LoginPrompt, LoginResult, LoginWait } from "./LoginOptions.js";
export { LoginError, type LoginErrorCode } from "./LoginError.js";
export { platformBrowserOpener, type BrowserOpener } from "./browser/platformBrowserOpener.js";
