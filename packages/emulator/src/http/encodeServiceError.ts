import { randomUUID } from "node:crypto";
import { renderErrorPage } from "../pages/renderErrorPage.js";
import { htmlReply, type Reply } from "./Reply.js";
import type { ServiceError } from "./ServiceError.js";
import { oauthErrorOf } from "./serviceExceptions.js";
import { xmlEscape } from "./xmlEscape.js";

const OIDC_NAMESPACE = "com.amazonaws.sso.oidc";
const SSO_NAMESPACE = "com.amazonaws.switchboard.portal";

/**
 * Encodes an error the way the real service does, so that the real SDK clients raise the modelled exception:
 * restJson1 services get `x-amzn-ErrorType` (OIDC bodies `error`/`error_description`, SSO bodies
 * `message`/`__type`), STS gets an awsQuery XML `ErrorResponse`, pages get an HTML error page.
 */
export const encodeServiceError = (error: ServiceError): Reply => {
  switch (error.service) {
    case "oidc": {
      const body = {
        error: oauthErrorOf(error.code),
        error_description: error.message,
        message: error.message,
        ...error.fields,
      };
      return restJsonError(error.status, error.code, OIDC_NAMESPACE, body);
    }
    case "sso":
      return restJsonError(error.status, error.code, SSO_NAMESPACE, {
        message: error.message,
        __type: `${SSO_NAMESPACE}#${error.code}`,
        ...error.fields,
      });
    case "sts": {
      const requestId = randomUUID();
      const body =
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
        "  <Error>\n" +
        `    <Type>${error.status >= 500 ? "Receiver" : "Sender"}</Type>\n` +
        `    <Code>${xmlEscape(error.code)}</Code>\n` +
        `    <Message>${xmlEscape(error.message)}</Message>\n` +
        "  </Error>\n" +
        `  <RequestId>${requestId}</RequestId>\n` +
        "</ErrorResponse>\n";
      return {
        status: error.status,
        headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
        body,
      };
    }
    case "page":
      return htmlReply(renderErrorPage(error.code, error.message), error.status);
  }
};

const restJsonError = (status: number, code: string, namespace: string, body: object): Reply => ({
  status,
  headers: {
    "content-type": "application/json",
    "x-amzn-errortype": `${code}:http://internal.amazon.com/coral/${namespace}/`,
  },
  body: JSON.stringify(body),
});
