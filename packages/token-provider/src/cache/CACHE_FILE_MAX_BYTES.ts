/**
 * The largest cache file sso-kit reads [1 MiB; SSO token files are a few KiB]: `readJsonFile` refuses larger
 * files, so `writeJsonFileAtomic` refuses to write one (a file the reader refuses would lock every later read out).
 */
export const CACHE_FILE_MAX_BYTES = 1024 * 1024;
