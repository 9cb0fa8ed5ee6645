/**
 * EC2's query envelopes (API version 2016-11-15): no Result wrapper, `requestId` first, lowerCamel
 * members; errors in `<Response><Errors>` with `RequestID` (capital ID, as EC2 spells it there).
 */
import { escapeXml } from "./xml";

export const EC2_VERSION = "2016-11-15";
const NS = `http://ec2.amazonaws.com/doc/${EC2_VERSION}/`;

export function ec2Response(action: string, body: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NS}">` +
    `<requestId>${requestId}</requestId>${body}</${action}Response>`
  );
}

export function ec2Error(code: string, message: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`
  );
}
