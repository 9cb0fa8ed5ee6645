/**
 * CloudWatch's three wire protocols (API version 2010-08-01), decoded to one input object and encoded from
 * one output object:
 * - AWS JSON 1.0, query-compatible (`@aws-sdk/client-cloudwatch`): `POST /`, `X-Amz-Target:
 *   GraniteServiceVersion20100801.<Op>`, `x-amzn-query-mode: true`; timestamps are epoch seconds; an error is
 *   `{"__type": "com.amazonaws.cloudwatch#<Shape>", "message"}` with its awsQuery code in `x-amzn-query-error:
 *   <Code>;<Sender|Receiver>`.
 * - Smithy RPC v2 CBOR (botocore, so the AWS CLI): `POST /service/GraniteServiceVersion20100801/operation/<Op>`,
 *   CBOR bodies (timestamps as tag 1), answers carry `smithy-protocol: rpc-v2-cbor`; errors as in JSON.
 * - awsQuery (older clients): `Action=<Op>&Version=2010-08-01`, lists as `Key.member.N`, XML answers.
 */
import { decode } from "cbor-x";
import { SandboxError } from "@/tools/sandbox/errors";
import { writeCbor } from "./cbor-write";
import { parseJsonBody } from "./json-wire";
import { queryError, queryResponse } from "./query-envelope";
import { parseForm, type FormNode } from "./query-form";
import { escapeXml } from "./xml";

export const CLOUDWATCH_VERSION = "2010-08-01";
export const CLOUDWATCH_TARGET = "GraniteServiceVersion20100801";
const NS = `http://monitoring.amazonaws.com/doc/${CLOUDWATCH_VERSION}/`;
const CBOR_PATH = new RegExp(`^/service/${CLOUDWATCH_TARGET}/operation/([A-Za-z]+)$`);
export const CW_JSON_CONTENT_TYPE = "application/x-amz-json-1.0";
export const CBOR_CONTENT_TYPE = "application/cbor";

export type CwProtocol = "json" | "cbor" | "query";

/** The Smithy error shape behind each awsQuery code the sandbox answers (the model's `error.code`s). */
const ERROR_SHAPES: Record<string, string> = {
  LimitExceeded: "LimitExceededFault",
  InvalidNextToken: "InvalidNextToken",
  ResourceNotFound: "ResourceNotFound",
  InvalidParameterValue: "InvalidParameterValueException",
  InvalidParameterCombination: "InvalidParameterCombinationException",
  MissingParameter: "MissingRequiredParameterException",
  InternalServiceError: "InternalServiceFault",
};

/** The protocol and operation of a CloudWatch call, or undefined when the request is not CloudWatch's. */
export function cloudwatchCall(req: {
  path: string;
  amzTarget?: string;
  scopeService?: string;
  body: string;
}): { protocol: CwProtocol; action?: string } | undefined {
  const cbor = CBOR_PATH.exec(req.path);
  if (cbor) return { protocol: "cbor", action: cbor[1] };
  if (req.path.startsWith(`/service/${CLOUDWATCH_TARGET}/`)) return { protocol: "cbor" };
  if (req.amzTarget?.startsWith(`${CLOUDWATCH_TARGET}.`))
    return { protocol: "json", action: req.amzTarget.slice(CLOUDWATCH_TARGET.length + 1) };
  const version = /(?:^|&)Version=([^&]*)/.exec(req.body)?.[1];
  if (!req.amzTarget && (req.scopeService === "monitoring" || version === CLOUDWATCH_VERSION)) {
    const action = /(?:^|&)Action=([^&]*)/.exec(req.body)?.[1];
    return { protocol: "query", action: action ? decodeURIComponent(action) : undefined };
  }
  return undefined;
}

/** A form tree with `Key.member.N` lists turned into arrays (the scalars stay strings for the readers). */
function fromForm(node: FormNode): Record<string, unknown> {
  const convert = (v: FormNode | string): unknown => {
    if (typeof v === "string") return v;
    const keys = Object.keys(v);
    const indexed =
      keys.length === 1 && keys[0] === "member" && typeof v.member === "object" ? v.member : undefined;
    if (indexed && Object.keys(indexed).every((k) => /^\d+$/.test(k)))
      return Object.keys(indexed)
        .map(Number)
        .sort((a, b) => a - b)
        .map((i) => convert(indexed[String(i)]!));
    return Object.fromEntries(keys.map((k) => [k, convert(v[k]!)]));
  };
  const out = convert(node) as Record<string, unknown>;
  delete out.Action;
  delete out.Version;
  return out;
}

export function decodeInput(protocol: CwProtocol, raw: Buffer): Record<string, unknown> {
  if (protocol === "json") return parseJsonBody(raw.toString("utf8"));
  if (protocol === "query") return fromForm(parseForm(raw.toString("utf8")));
  if (raw.length === 0) return {};
  let value: unknown;
  try {
    value = decode(raw);
  } catch {
    throw new SandboxError("SerializationException", "The request body is not valid CBOR.", 400);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date)
    throw new SandboxError("SerializationException", "The request body must be a CBOR map.", 400);
  return value as Record<string, unknown>;
}

/** Drops undefined members and turns Dates into what the protocol writes (epoch seconds for JSON). */
function plain(value: unknown, date: (d: Date) => unknown): unknown {
  if (value instanceof Date) return date(value);
  if (Array.isArray(value)) return value.map((v) => plain(v, date));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, plain(v, date)]),
    );
  return value;
}

/** The `double` members of the answers (MetricAlarm.Threshold, MetricDataResult.Values). */
const DOUBLES = new Set(["Threshold", "Values"]);

function xmlOf(value: unknown, double = false): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<member>${xmlOf(v, double)}</member>`).join("");
  if (typeof value === "object" && value !== null)
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${xmlOf(v, DOUBLES.has(k))}</${k}>`)
      .join("");
  // A double is written as one (80.0), as AWS writes Threshold.
  if (double && typeof value === "number" && Number.isInteger(value)) return value.toFixed(1);
  return escapeXml(String(value));
}

export interface CwAnswer {
  status: number;
  body: string | Buffer;
  contentType: string;
  headers: Record<string, string>;
}

export function encodeOutput(
  protocol: CwProtocol,
  action: string,
  output: Record<string, unknown> | undefined,
  requestId: string,
): CwAnswer {
  if (protocol === "query")
    return {
      status: 200,
      body: queryResponse(NS, action, output === undefined ? undefined : xmlOf(output), requestId),
      contentType: "text/xml;charset=UTF-8",
      headers: {},
    };
  if (protocol === "json")
    return {
      status: 200,
      body: JSON.stringify(plain(output ?? {}, (d) => d.getTime() / 1000)),
      contentType: CW_JSON_CONTENT_TYPE,
      headers: {},
    };
  return {
    status: 200,
    body: output === undefined ? Buffer.alloc(0) : writeCbor(output, DOUBLES),
    contentType: CBOR_CONTENT_TYPE,
    headers: { "smithy-protocol": "rpc-v2-cbor" },
  };
}

export function encodeError(protocol: CwProtocol, e: SandboxError, requestId: string): CwAnswer {
  if (protocol === "query")
    return {
      status: e.status,
      body: queryError(NS, e.code, e.message, e.type, requestId),
      contentType: "text/xml;charset=UTF-8",
      headers: {},
    };
  const body = { __type: `com.amazonaws.cloudwatch#${ERROR_SHAPES[e.code] ?? e.code}`, message: e.message };
  const headers = { "x-amzn-query-error": `${e.code};${e.type}` };
  return protocol === "json"
    ? { status: e.status, body: JSON.stringify(body), contentType: CW_JSON_CONTENT_TYPE, headers }
    : {
        status: e.status,
        body: writeCbor(body),
        contentType: CBOR_CONTENT_TYPE,
        headers: { ...headers, "smithy-protocol": "rpc-v2-cbor" },
      };
}
