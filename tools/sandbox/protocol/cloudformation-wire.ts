/**
 * CloudFormation's awsQuery envelopes (API version 2010-05-15): `<XResult>` inside `<XResponse>` in
 * CloudFormation's namespace, errors as `<ErrorResponse><Error>` (its validation failures are all
 * `ValidationError`, status 400).
 */
import { escapeXml } from "./xml";

export const CLOUDFORMATION_VERSION = "2010-05-15";
const NS = `http://cloudformation.amazonaws.com/doc/${CLOUDFORMATION_VERSION}/`;

export function cloudformationResponse(action: string, result: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NS}"><${action}Result>${result}` +
    `</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function cloudformationError(
  code: string,
  message: string,
  type: "Sender" | "Receiver",
  requestId: string,
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
