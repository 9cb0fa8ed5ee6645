/**
 * Makes a real Redis Cluster of a cluster-mode group's engines: each shard's primary takes the slot range
 * ElastiCache shows for that shard, every node meets the first, replicas follow their shard's primary, and
 * the call returns once every node reports `cluster_state:ok`.
 */
import { slotRange } from "@/tools/sandbox/elasticache/serialize";
import { waitFor, withAdmin, type AdminTarget } from "./admin-client";

export interface ClusterMember extends AdminTarget {
  busPort: number;
  shardIndex: number;
  role: "primary" | "replica";
}

/** Replicas in a `CLUSTER NODES` answer (the flags column holds `slave`, or `myself,slave`). */
function slaveCount(nodes: string): number {
  return nodes.split("\n").filter((line) => (line.split(" ")[2] ?? "").split(",").includes("slave")).length;
}

export async function formCluster(members: ClusterMember[], shardCount: number): Promise<void> {
  const primaries = members.filter((m) => m.role === "primary");
  const [first] = members;
  if (!first) return;
  const ids = new Map<ClusterMember, string>();
  await Promise.all(
    members.map((m) =>
      withAdmin(m, async (r) => {
        ids.set(m, String(await r.call("CLUSTER", "MYID")));
        if (m.role === "primary") {
          const [start, end] = slotRange(m.shardIndex, shardCount).split("-");
          await r.call("CLUSTER", "ADDSLOTSRANGE", start!, end!);
        }
        if (m !== first)
          await r.call("CLUSTER", "MEET", "127.0.0.1", String(first.port), String(first.busPort));
      }),
    ),
  );
  const knowsAll = (m: ClusterMember) =>
    withAdmin(m, async (r) => {
      const nodes = String(await r.call("CLUSTER", "NODES"));
      return [...ids.values()].every((id) => nodes.includes(id)) && !/handshake/.test(nodes);
    });
  await Promise.all(members.map((m) => waitFor("the cluster nodes to meet", () => knowsAll(m))));
  await Promise.all(
    members
      .filter((m) => m.role === "replica")
      .map((m) => {
        const primary = primaries.find((p) => p.shardIndex === m.shardIndex)!;
        return withAdmin(m, (r) => r.call("CLUSTER", "REPLICATE", ids.get(primary)!));
      }),
  );
  const replicas = members.length - primaries.length;
  // Ready when every node sees the slots covered and every replica in place (clients read either view).
  const ok = (m: ClusterMember) =>
    withAdmin(m, async (r) => {
      const info = String(await r.call("CLUSTER", "INFO"));
      const nodes = String(await r.call("CLUSTER", "NODES"));
      return /cluster_state:ok/.test(info) && slaveCount(nodes) === replicas;
    });
  await Promise.all(members.map((m) => waitFor("cluster_state:ok", () => ok(m))));
}
