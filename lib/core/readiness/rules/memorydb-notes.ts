/**
 * What the rules say of a MemoryDB cluster where its facts sit elsewhere than ElastiCache's: the parameter
 * group status is one `ParameterGroupStatus` on the cluster, cluster mode is always on, and access goes
 * through an ACL (`open-access` is the `default` user without a password).
 */
import type { MemoryDbCluster } from "@/lib/core/model/memorydb";
import { OPEN_ACCESS_ACL } from "@/lib/core/readiness/memorydb-audit";
import { sourceOf } from "@/lib/core/readiness/remediation";
import type { Finding } from "@/lib/core/readiness/types";
import { plural } from "@/lib/core/text/plural";

export function memoryDbGroupApplied(c: MemoryDbCluster, region: string): Finding[] {
  const status = c.parameterGroupStatus ?? "not reported";
  const evidence = [
    {
      observed: `${c.name}: ${c.parameterGroupName ?? "(none)"} ${status}`,
      expected: "in-sync",
      source: sourceOf("DescribeClusters", c.name, region),
    },
  ];
  if (status === "in-sync")
    return [
      {
        ruleId: "parameter-group-applied",
        severity: "pass",
        title: "Parameter group in-sync",
        detail: "The settings the audit read are the ones the cluster runs.",
        evidence,
      },
    ];
  return [
    {
      ruleId: "parameter-group-applied",
      severity: "fail",
      title: `Parameter group not applied yet (${status})`,
      detail:
        "Until the cluster reports in-sync, its nodes may still run the old settings. This settles within minutes on its own: refresh the audit then.",
      evidence,
      remediation: {
        summary: "Wait for the apply to finish (no action needed), then refresh the audit.",
        cli: [
          `aws memorydb describe-clusters --region ${region} --cluster-name ${c.name} --query "Clusters[].[Name,ParameterGroupStatus]"`,
        ],
      },
    },
  ];
}

export function memoryDbClusterMode(c: MemoryDbCluster, region: string): Finding[] {
  const endpoint = c.endpoint ? `, cluster endpoint ${c.endpoint.address}:${c.endpoint.port}` : "";
  return [
    {
      ruleId: "cluster-mode-hash-tag",
      severity: "info",
      title: "MemoryDB is always cluster mode: use a {hash-tag} prefix such as {bull}",
      detail:
        'Every key of a queue must hash to one slot, else the server answers CROSSSLOT. Give every Queue and Worker `prefix: "{bull}"` and connect an ioredis Cluster client to the cluster endpoint.',
      evidence: [
        {
          observed: `${plural(c.numberOfShards, "shard")}${endpoint}`,
          source: sourceOf("DescribeClusters", c.name, region),
        },
      ],
    },
  ];
}

export function memoryDbAuth(c: MemoryDbCluster, region: string): Finding[] {
  const source = sourceOf("DescribeClusters", c.name, region);
  if (!c.aclName || c.aclName === OPEN_ACCESS_ACL)
    return [
      {
        ruleId: "auth-client",
        severity: "info",
        title: "ACL open-access: the client connects as the default user, no password",
        detail:
          "Anyone who reaches the cluster's port can run every command. A dedicated ACL with a BullMQ user (on ~* +@all, or EVAL/EVALSHA, INFO, CLIENT and the data commands) narrows that.",
        evidence: [{ observed: `ACLName=${OPEN_ACCESS_ACL}`, source }],
      },
    ];
  return [
    {
      ruleId: "auth-client",
      severity: "info",
      title: `ACL ${c.aclName}: the BullMQ user needs EVAL, INFO and CLIENT`,
      detail:
        "Connect with `username` and `password` (from a secret). The user's access string needs the data commands plus EVAL/EVALSHA, INFO and CLIENT, else BullMQ fails with NOPERM; `on ~* +@all` works.",
      evidence: [
        {
          observed: `ACLName=${c.aclName}`,
          expected: "a user with on ~* +@all (or EVAL/EVALSHA, INFO, CLIENT and data commands)",
          source,
        },
      ],
    },
  ];
}
