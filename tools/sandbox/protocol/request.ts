/**
 * Works out which service, region and action a signed query request is for. SigV4 signatures are
 * accepted without verification: the sandbox has no secrets to check them against.
 */
import { SandboxError } from "@/tools/sandbox/errors";
import { CLOUDFORMATION_VERSION } from "./cloudformation-wire";
import { EC2_VERSION } from "./ec2-wire";
import { ELASTICACHE_VERSION } from "./elasticache-wire";
import type { FormNode } from "./query-form";
import { STS_VERSION } from "./sts-wire";

export type ServiceName =
  "elasticache" | "ec2" | "sts" | "organizations" | "cloudformation" | "memorydb" | "cloudwatch";

export interface RequestTarget {
  service: ServiceName;
  /** Undefined when the request carried no credential scope (unsigned): the caller picks a default. */
  region?: string;
  action: string;
}

const SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

const ACCESS_KEY = /Credential=([^/,\s]+)\//;

/** The service and region of the `Authorization` header's credential scope, if any. */
export function credentialScope(
  authorization: string | undefined,
): { region: string; service: string } | undefined {
  const m = authorization ? SCOPE.exec(authorization) : null;
  return m ? { region: m[1]!, service: m[2]! } : undefined;
}

/** The access key id the request was signed with, if it was signed. */
export function accessKeyOf(authorization: string | undefined): string | undefined {
  return authorization ? ACCESS_KEY.exec(authorization)?.[1] : undefined;
}

export function resolveTarget(authorization: string | undefined, form: FormNode): RequestTarget {
  const scope = credentialScope(authorization);
  const version = typeof form.Version === "string" ? form.Version : undefined;
  const action = typeof form.Action === "string" ? form.Action : undefined;
  let service: ServiceName | undefined;
  if (
    scope?.service === "elasticache" ||
    scope?.service === "ec2" ||
    scope?.service === "sts" ||
    scope?.service === "cloudformation"
  )
    service = scope.service;
  else if (version === ELASTICACHE_VERSION) service = "elasticache";
  else if (version === EC2_VERSION) service = "ec2";
  else if (version === STS_VERSION) service = "sts";
  else if (version === CLOUDFORMATION_VERSION) service = "cloudformation";
  if (!service) {
    throw new SandboxError(
      "UnknownService",
      `The sandbox serves elasticache (Version ${ELASTICACHE_VERSION}), ec2 (Version ${EC2_VERSION}) and ` +
        `sts (Version ${STS_VERSION}) and cloudformation (Version ${CLOUDFORMATION_VERSION}); ` +
        `this request names neither (scope service ${scope?.service ?? "none"}, Version ${version ?? "none"}).`,
      400,
    );
  }
  if (!action) throw new SandboxError("MissingAction", "The request must contain the parameter Action.", 400);
  return { service, region: scope?.region, action };
}
