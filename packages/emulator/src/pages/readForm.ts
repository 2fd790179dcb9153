import type { RequestContext } from "../http/RequestContext.js";

/** The fields of an `application/x-www-form-urlencoded` POST from one of the emulator's pages. */
export const readForm = (ctx: RequestContext): URLSearchParams => new URLSearchParams(ctx.body);
