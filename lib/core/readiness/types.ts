/**
 * The readiness audit's contract: what the rules conclude about one cluster, and what the status page, the
 * CLI and the exports show. Everything here is plain data (JSON-safe), so an audit can cross the server/client
 * boundary and be exported as is.
 */
import type { AwsProblem, Engine } from "@/lib/core/model/resources";
import type { Scope, TargetRef } from "@/lib/core/identity/identity";
import type { OwnedKind, Owner } from "@/lib/core/model/ownership";

export type { OwnedKind, Owner } from "@/lib/core/model/ownership";

/** The owner of one resource the target uses (its parameter group, subnet group, security groups). */
export interface PartOwner {
  kind: OwnedKind;
  id: string;
  owner: Owner | null;
}

/**
 * How much a finding matters. `fail` blocks Ready; `unknown` means the rule could not decide because a read
 * failed (never a guess); `warn` and `info` never block; `pass` records what was checked and found right, so
 * the detail view can show the evidence for a Ready verdict too.
 */
export type Severity = "fail" | "unknown" | "warn" | "info" | "pass";

/** Most severe first: the order the page and the CLI list findings in. */
export const SEVERITY_ORDER: readonly Severity[] = ["fail", "unknown", "warn", "info", "pass"];

export type Verdict = "ready" | "needs-changes" | "incompatible" | "not-applicable" | "unknown";

export const VERDICT_LABELS: Record<Verdict, string> = {
  ready: "Ready",
  "needs-changes": "Needs changes",
  incompatible: "Incompatible",
  "not-applicable": "Not applicable",
  unknown: "Unknown",
};

export type RuleId =
  | "eviction-policy"
  | "parameter-group-applied"
  | "engine-version"
  | "serverless"
  | "cluster-status"
  | "network-ingress"
  | "shared-parameter-group"
  | "cluster-mode-hash-tag"
  | "tls-client"
  | "auth-client"
  | "global-datastore"
  | "memory-alarm";

/** One observed fact behind a finding, and where it was read. */
export interface Evidence {
  observed: string;
  expected?: string;
  /** The read it came from, e.g. `DescribeCacheParameters default.redis7 (us-east-1)`. */
  source: string;
}

export interface Remediation {
  /** One line: what to do. */
  summary: string;
  /** AWS CLI commands that do it, in order (placeholders in `<angle brackets>` where only the user knows). */
  cli: string[];
  /** The wizard, pre-filled for this cluster, when the wizard can make this change. */
  wizardHref?: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  title: string;
  /** Why it matters, in plain words. */
  detail: string;
  evidence: Evidence[];
  remediation?: Remediation;
  /** Set when this finding alone decides the verdict (serverless, Redis < 5.0, Memcached). */
  decides?: "incompatible" | "not-applicable";
  /** The failed read behind an `unknown` finding (its `iamAction` names the permission to grant). */
  problem?: AwsProblem;
}

/** What a BullMQ client needs to connect: the input of the connection snippet. */
export interface ConnectionInfo {
  mode: "single" | "cluster";
  /** The primary endpoint (cluster mode off) or the configuration endpoint (cluster mode on). */
  host: string;
  port: number;
  tls: boolean;
  /** `token`: AUTH token; `rbac`: a user of a user group (username + password). */
  auth: "none" | "token" | "rbac";
}

export interface ClusterAudit {
  ref: TargetRef;
  name: string;
  kind: TargetRef["kind"];
  engine?: Engine;
  engineVersion?: string;
  accountId: string;
  region: string;
  vpcId?: string;
  /** The VPC's Name tag, else its id (as the wizard shows it). */
  vpcName?: string;
  status: string;
  /** e.g. "1 shard × 2 nodes", "cluster mode · 2 shards × 2 nodes", "2 nodes", "serverless". */
  topology: string;
  port?: number;
  parameterGroup?: { name: string; family?: string; policy?: string; isDefault: boolean };
  verdict: Verdict;
  /** Most severe first (SEVERITY_ORDER), `pass` findings last. */
  findings: Finding[];
  connection?: ConnectionInfo;
  /**
   * Who owns the target itself: a CloudFormation stack or a Terraform state; `tool: "unknown"` with the reason
   * when a source could not be read; null when every source was read and none claims it.
   */
  owner: Owner | null;
  /** The owners of what it uses, each once: parameter groups, subnet group, security groups. */
  partOwners: PartOwner[];
  /**
   * Its fullest node's memory use, the maximum of the last 15 minutes in percent of maxmemory (CloudWatch);
   * absent when CloudWatch was not read or had no datapoints.
   */
  memoryUse?: { cacheClusterId: string; percent: number };
}

export interface RegionAudit {
  /** The account and region read; absent only when the account itself could not be told (STS failed). */
  scope?: Scope;
  region: string;
  readAt: string;
  clusters: ClusterAudit[];
  /** Failed reads of the region, each once (the page shows them above the table). */
  problems: AwsProblem[];
  /** Set when the region could not be audited at all (no cluster list could be read, or a bad region). */
  failed?: AwsProblem;
}
