/**
 * Test support: raw query calls against a running sandbox, shaped like the SDK's (form body,
 * SigV4-style Authorization header carrying the credential scope), and tiny XML readers.
 */
import { ELASTICACHE_VERSION } from "../protocol/elasticache-wire";
import { EC2_VERSION } from "../protocol/ec2-wire";
import { STS_VERSION } from "../protocol/sts-wire";

const VERSIONS = { elasticache: ELASTICACHE_VERSION, ec2: EC2_VERSION, sts: STS_VERSION };

export interface WireAnswer {
  status: number;
  xml: string;
}

export function authorization(region: string, service: string): string {
  return `AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20250115/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
}

export async function call(
  url: string,
  service: "elasticache" | "ec2" | "sts",
  action: string,
  params: Record<string, string | number | boolean> = {},
  region = "us-east-1",
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
      authorization: authorization(region, service),
    },
    body: body.toString(),
  });
  return { status: res.status, xml: await res.text() };
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
