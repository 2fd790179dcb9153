/**
 * Control characters a terminal acts on (C0 except LF, DEL, C1): the output scans assert that none reaches the
 * terminal from a server. LF is left out because output lines end with it; forged lines are checked apart.
 */
// eslint-disable-next-line no-control-regex
export const TERMINAL_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
