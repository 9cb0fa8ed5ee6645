/**
 * CloudFormation's awsQuery envelopes (API version 2010-05-15): `<XResult>` inside `<XResponse>` in
 * CloudFormation's namespace, errors as `<ErrorResponse><Error>` (its validation failures are all
 * `ValidationError`, status 400).
 */
import { queryError, queryResponse } from "./query-envelope";

export const CLOUDFORMATION_VERSION = "2010-05-15";
const NS = `http://cloudformation.amazonaws.com/doc/${CLOUDFORMATION_VERSION}/`;

export function cloudformationResponse(action: string, result: string, requestId: string): string {
  return queryResponse(NS, action, result, requestId);
}

export function cloudformationError(
  code: string,
  message: string,
  type: "Sender" | "Receiver",
  requestId: string,
): string {
  return queryError(NS, code, message, type, requestId);
}
