/**
 * ElastiCache's awsQuery envelopes (API version 2015-02-02). The SDK looks for `<XResult>` inside
 * `<XResponse>`; an operation without output (DeleteCacheParameterGroup) sends only the metadata.
 */
import { escapeXml } from "./xml";

export const ELASTICACHE_VERSION = "2015-02-02";
const NS = `http://elasticache.amazonaws.com/doc/${ELASTICACHE_VERSION}/`;

export function elasticacheResponse(action: string, result: string | undefined, requestId: string): string {
  const body = result === undefined ? "" : `<${action}Result>${result}</${action}Result>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NS}">${body}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function elasticacheError(
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
