/** Engine version arithmetic: `7.1.0`, `6.2.6`, `6.x`, `7` as AWS reports them. */
import type { Engine } from "@/lib/core/model/resources";

function parts(version: string): number[] {
  return version.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
}

/** Negative when a < b, like a sort comparator; missing parts count as 0 (`7` = `7.0.0`). */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const REDIS_FAMILIES = new Set(["redis2.6", "redis2.8", "redis3.2", "redis4.0", "redis5.0"]);

/**
 * The parameter group family of an engine version (docs/aws-facts.md §2), the fallback when the cluster's
 * current group is not known: Redis 6.0/6.2 → `redis6.x`, 7.x → `redis7`, Valkey 7.2 → `valkey7`, 8.x → `valkey8`.
 * Only families ElastiCache has: an unknown version gives undefined rather than a family name AWS would refuse.
 */
export function familyForVersion(engine: Engine, version: string): string | undefined {
  const [major = 0, minor = 0] = parts(version);
  if (engine === "valkey") return major === 7 || major === 8 ? `valkey${major}` : undefined;
  if (engine !== "redis") return undefined;
  if (major >= 7) return "redis7";
  if (major === 6) return "redis6.x";
  const family = `redis${major}.${minor}`;
  return REDIS_FAMILIES.has(family) ? family : undefined;
}
