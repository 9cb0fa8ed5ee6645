/**
 * Test support: raw query calls against a running sandbox, shaped like the SDK's (form body,
 * SigV4-style Authorization header carrying the credential scope), and tiny XML readers.
 */
import { CLOUDFORMATION_VERSION } from "@/tools/sandbox/protocol/cloudformation-wire";
import { ELASTICACHE_VERSION } from "@/tools/sandbox/protocol/elasticache-wire";
import { EC2_VERSION } from "@/tools/sandbox/protocol/ec2-wire";
import { STS_VERSION } from "@/tools/sandbox/protocol/sts-wire";

const VERSIONS = {
  elasticache: ELASTICACHE_VERSION,
  ec2: EC2_VERSION,
  sts: STS_VERSION,
  cloudformation: CLOUDFORMATION_VERSION,
};

export interface WireAnswer {
  status: number;
  xml: string;
}

/** Temporary credentials from AssumeRole, as a signed request carries them. */
export interface SessionKeys {
  accessKeyId: string;
  sessionToken: string;
}

export function authorization(region: string, service: string, accessKeyId = "AKIDSANDBOX"): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20250115/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
}

function sessionHeaders(region: string, service: string, session?: SessionKeys): Record<string, string> {
  return {
    authorization: authorization(region, service, session?.accessKeyId),
    ...(session ? { "x-amz-security-token": session.sessionToken } : {}),
  };
}

export async function call(
  url: string,
  service: "elasticache" | "ec2" | "sts" | "cloudformation",
  action: string,
  params: Record<string, string | number | boolean> = {},
  region = "us-east-1",
  session?: SessionKeys,
): Promise<WireAnswer> {
  const body = new URLSearchParams({
    Action: action,
    Version: VERSIONS[service],
  });
  for (const [k, v] of Object.entries(params)) body.set(k, String(v));
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      ...sessionHeaders(region, service, session),
    },
    body: body.toString(),
  });
  return { status: res.status, xml: await res.text() };
}

/** An Organizations (awsJson1_1) call; `json` is the parsed answer. */
export async function jsonCall(
  url: string,
  action: string,
  body: Record<string, unknown> = {},
  session?: SessionKeys,
): Promise<{ status: number; json: Record<string, unknown>; contentType: string | null }> {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSOrganizationsV20161128.${action}`,
      ...sessionHeaders("us-east-1", "organizations", session),
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown>,
    contentType: res.headers.get("content-type"),
  };
}

/** Every text value of `<tag>` (leaf elements only). */
export function texts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1]!);
}

export function text(xml: string, tag: string): string | undefined {
  return texts(xml, tag)[0];
}

/** The error code of an ElastiCache or EC2 error envelope. */
export function errorCode(xml: string): string | undefined {
  return /<Error>(?:<Type>[^<]*<\/Type>)?<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
}

/** The inner XML of each `<tag>...</tag>` block (non-nested tags). */
export function blocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => m[1]!);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
