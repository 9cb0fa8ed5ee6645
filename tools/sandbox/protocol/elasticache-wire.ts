/**
 * ElastiCache's awsQuery envelopes (API version 2015-02-02). The SDK looks for `<XResult>` inside
 * `<XResponse>`; an operation without output (DeleteCacheParameterGroup) sends only the metadata.
 */
import { queryError, queryResponse } from "./query-envelope";

export const ELASTICACHE_VERSION = "2015-02-02";
const NS = `http://elasticache.amazonaws.com/doc/${ELASTICACHE_VERSION}/`;

export function elasticacheResponse(action: string, result: string | undefined, requestId: string): string {
  return queryResponse(NS, action, result, requestId);
}

export function elasticacheError(
  code: string,
  message: string,
  type: "Sender" | "Receiver",
  requestId: string,
): string {
  return queryError(NS, code, message, type, requestId);
}
