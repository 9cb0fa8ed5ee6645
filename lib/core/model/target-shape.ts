/** What a row shows of a target's shape, from the one target view (never a second join). */
import type { TargetView } from "./target-view";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** e.g. "1 shard × 2 nodes", "cluster mode · 2 shards × 2 nodes", "2 nodes", "serverless". */
export function topologyOf(t: TargetView): string {
  if (t.serverless) return "serverless";
  if (t.standalone) return plural(t.standalone.numCacheNodes, "node");
  if (t.memorydb) {
    // Nodes per shard are only known when the shards were read in detail (ShowShardDetails).
    const { numberOfShards, shards } = t.memorydb;
    const perShard =
      shards.length > 0 ? Math.round(shards.reduce((n, s) => n + s.nodes.length, 0) / shards.length) : 0;
    return `cluster mode · ${plural(numberOfShards, "shard")}${perShard > 0 ? ` × ${plural(perShard, "node")}` : ""}`;
  }
  const shards = t.group?.nodeGroups.length ?? 0;
  const nodes = t.group?.memberClusterIds.length ?? (t.members.ok ? t.members.value.length : 0);
  const perShard = shards > 0 ? Math.round(nodes / shards) : nodes;
  return `${t.clusterMode ? "cluster mode · " : ""}${plural(shards, "shard")} × ${plural(perShard, "node")}`;
}

/** The VPC as the wizard names it: its Name tag, else its id. */
export function vpcNameOf(t: TargetView): string | undefined {
  if (!t.vpcId) return undefined;
  return t.index.vpcs.get(t.vpcId)?.name ?? t.vpcId;
}
