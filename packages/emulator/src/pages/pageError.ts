import { ServiceError } from "../http/ServiceError.js";

/** An error shown as an HTML page (never a redirect). */
export const pageError = (error: string, description: string, status = 400): ServiceError =>
  new ServiceError("page", error, status, description);
