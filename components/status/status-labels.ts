import type { BadgeTone } from "@/components/ui/badge";
import type { Engine } from "@/lib/core/model/resources";
import type { TargetRef } from "@/lib/core/model/snapshot";
import type { RuleId, Severity, Verdict } from "@/lib/core/readiness/types";

const KIND_LABELS: Record<TargetRef["kind"], string> = {
  "replication-group": "Replication group",
  "cache-cluster": "Standalone cluster",
  serverless: "Serverless cache",
  "memorydb-cluster": "MemoryDB cluster",
};

const ENGINE_LABELS: Record<Engine, string> = {
  redis: "Redis OSS",
  valkey: "Valkey",
  memcached: "Memcached",
};

export function kindLabel(kind: TargetRef["kind"]): string {
  return KIND_LABELS[kind];
}

export function engineLabel(engine: Engine | undefined, version: string | undefined): string {
  const name = engine ? ENGINE_LABELS[engine] : "Unknown engine";
  return version ? `${name} ${version}` : name;
}

const VERDICT_TONES: Record<Verdict, BadgeTone> = {
  ready: "green",
  "needs-changes": "amber",
  incompatible: "red",
  "not-applicable": "neutral",
  unknown: "violet",
};

export function verdictTone(verdict: Verdict): BadgeTone {
  return VERDICT_TONES[verdict];
}

const SEVERITY_TONES: Record<Severity, BadgeTone> = {
  fail: "red",
  unknown: "violet",
  warn: "amber",
  info: "blue",
  pass: "green",
};
const SEVERITY_LABELS: Record<Severity, string> = {
  fail: "Fail",
  unknown: "Unknown",
  warn: "Warning",
  info: "Note",
  pass: "Pass",
};

export function severityTone(severity: Severity): BadgeTone {
  return SEVERITY_TONES[severity];
}

export function severityLabel(severity: Severity): string {
  return SEVERITY_LABELS[severity];
}

/** Short chip words per rule for the table; the full finding title is the chip's tooltip and on the detail page. */
const RULE_CHIPS: Record<RuleId, string> = {
  "eviction-policy": "eviction policy",
  "parameter-group-applied": "group not applied",
  "engine-version": "engine version",
  serverless: "serverless",
  "cluster-status": "cluster status",
  "network-ingress": "inbound rule",
  "shared-parameter-group": "shared group",
  "cluster-mode-hash-tag": "{hash-tag} prefix",
  "tls-client": "TLS client",
  "auth-client": "AUTH client",
  "global-datastore": "global datastore",
  "memory-alarm": "memory alarm",
};

export function ruleChip(ruleId: RuleId): string {
  return RULE_CHIPS[ruleId];
}
