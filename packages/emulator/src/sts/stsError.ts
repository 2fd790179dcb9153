import { ServiceError } from "../http/ServiceError.js";
import { STS_ERRORS, type StsErrorCode } from "../http/serviceExceptions.js";

/** An STS (awsQuery) error; the status is the one the service uses for that code. */
export const stsError = (code: StsErrorCode, message: string): ServiceError =>
  new ServiceError("sts", code, STS_ERRORS[code], message);
