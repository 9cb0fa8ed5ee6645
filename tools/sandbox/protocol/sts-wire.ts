/**
 * STS's awsQuery envelopes (API version 2011-06-15): the same shape as ElastiCache's, with STS's own
 * namespace, which botocore and the SDK both accept as long as `<XResult>` sits inside `<XResponse>`.
 */
import { queryError, queryResponse } from "./query-envelope";

export const STS_VERSION = "2011-06-15";
const NS = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;

export function stsResponse(action: string, result: string, requestId: string): string {
  return queryResponse(NS, action, result, requestId);
}

export function stsError(
  code: string,
  message: string,
  type: "Sender" | "Receiver",
  requestId: string,
): string {
  return queryError(NS, code, message, type, requestId);
}
