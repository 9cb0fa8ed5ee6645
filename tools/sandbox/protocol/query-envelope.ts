/**
 * The awsQuery envelopes every query-protocol service shares (ElastiCache, STS, CloudFormation): only the
 * namespace differs. The SDK looks for `<XResult>` inside `<XResponse>`; an operation without output sends
 * only the metadata. Errors are `<ErrorResponse><Error>` with a 4xx or 5xx status.
 */
import { escapeXml } from "./xml";

export function queryResponse(
  ns: string,
  action: string,
  result: string | undefined,
  requestId: string,
): string {
  const body = result === undefined ? "" : `<${action}Result>${result}</${action}Result>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${ns}">${body}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function queryError(
  ns: string,
  code: string,
  message: string,
  type: "Sender" | "Receiver",
  requestId: string,
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${ns}"><Error><Type>${type}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
