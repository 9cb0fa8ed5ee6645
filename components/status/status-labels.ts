import type { BadgeTone } from "@/components/ui/badge";
import type { Engine } from "@/lib/aws/types";
import type { TargetRef } from "@/lib/inventory/snapshot";

const KIND_LABELS: Record<TargetRef["kind"], string> = {
  "replication-group": "Replication group",
  "cache-cluster": "Standalone cluster",
  serverless: "Serverless cache",
};

const ENGINE_LABELS: Record<Engine, string> = { redis: "Redis OSS", valkey: "Valkey", memcached: "Memcached" };

export function kindLabel(kind: TargetRef["kind"]): string {
  return KIND_LABELS[kind];
}

export function engineLabel(engine: Engine | undefined, version: string | undefined): string {
  const name = engine ? ENGINE_LABELS[engine] : "Unknown engine";
  return version ? `${name} ${version}` : name;
}

const BUSY = new Set(["creating", "modifying", "snapshotting", "rebooting cluster nodes", "updating"]);
const BROKEN = new Set(["deleting", "deleted", "create-failed", "restore-failed", "incompatible-network"]);

/** The badge colour of an AWS status; the status text itself is always shown next to it. */
export function statusTone(status: string): BadgeTone {
  if (status === "available") return "green";
  if (BUSY.has(status)) return "amber";
  if (BROKEN.has(status)) return "red";
  return "neutral";
}
