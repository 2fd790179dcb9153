import type { RequestContext } from "../http/RequestContext.js";
import { ssoError } from "./ssoError.js";

/** A required query parameter of a portal request; InvalidRequestException when it is missing or empty. */
export const requiredQuery = (ctx: RequestContext, name: string, member: string): string => {
  const value = ctx.query.get(name);
  if (value === null || value === "") throw ssoError("InvalidRequestException", `${member} is required.`);
  return value;
};
