/**
 * The one name QueueReady proposes for a new noeviction parameter group. The detail page's CLI hint and
 * the wizard's suggestion both call it, so a person who reads one and then opens the other sees the same
 * name. Pure.
 */

export interface GroupNameShape {
  /** The family the new group is made in (`redis7`, `valkey8`); the engine stands in when unknown. */
  family?: string;
  engine?: string;
  /** Cluster mode needs cluster-enabled=yes in the group, so those groups are named apart. */
  clusterMode: boolean;
}

/**
 * `bullmq-redis7-noeviction`, `bullmq-redis7-cluster-noeviction`, made unique against `taken` (compared
 * lowercase, as AWS stores names) with `-2`, `-3`… Letters, digits and single hyphens only, as AWS requires.
 */
export function newParameterGroupName(shape: GroupNameShape, taken: Iterable<string>): string {
  const family = (shape.family ?? shape.engine ?? "redis").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
  const base = `bullmq-${family}${shape.clusterMode ? "-cluster" : ""}-noeviction`.toLowerCase();
  const names = new Set([...taken].map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!names.has(name)) return name;
  }
}
