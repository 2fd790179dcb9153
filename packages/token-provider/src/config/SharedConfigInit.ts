/** Where to read the shared config and credentials files from (same options as the AWS SDK's providers). */
export interface SharedConfigInit {
  /** Shared credentials file; default `AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`. `~/` is expanded. */
  filepath?: string | undefined;
  /** Shared config file; default `AWS_CONFIG_FILE` or `~/.aws/config`. `~/` is expanded. */
  configFilepath?: string | undefined;
  /** Re-read the files instead of using the copy cached by `@smithy/shared-ini-file-loader`. */
  ignoreCache?: boolean | undefined;
}
