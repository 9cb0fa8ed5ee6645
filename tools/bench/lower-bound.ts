/**
 * The fastest an audit can possibly be, given how the AWS API pages: the critical path of calls that must
 * run one after the other, times the per-call latency. Anything above it is the audit's own overhead.
 */

/** Largest page each API allows: ElastiCache `MaxRecords` 100 (serverless `MaxResults` 50), EC2 1000. */
export const PAGE_SIZES = { elasticache: 100, serverless: 50, ec2: 1000 } as const;

/** What one region of a fleet holds, counted from a direct (untimed) read of the sandbox. */
export interface RegionFleetShape {
  region: string;
  replicationGroups: number;
  /** Every cache cluster: replication group members, standalone clusters, memcached. */
  cacheClusters: number;
  serverlessCaches: number;
  subnetGroups: number;
  vpcs: number;
  /**
   * Sequential pages to read each distinct custom group attached to a Redis/Valkey cluster until AWS reports
   * its `maxmemory-policy`: its `Source=user` rows, plus all its rows when those lack the policy (docs/aws-facts.md §2).
   * Default groups need no read (fixed at the family default), Memcached groups hold nothing BullMQ needs.
   */
  attachedGroupPolicyPages: number[];
  /** Distinct security group ids attached to any cluster. */
  securityGroupIds: number;
}

export interface RegionBound {
  region: string;
  /** Sequential round trips on the critical path. */
  rounds: number;
  /** The path in words, e.g. `DescribeCacheClusters 10 pages + DescribeCacheParameters 2 pages`. */
  path: string;
}

export interface LowerBound {
  /** Rounds of the slowest region (regions are read in parallel). */
  rounds: number;
  ms: number;
  regions: RegionBound[];
}

export const LOWER_BOUND_FORMULA = [
  "lower bound = latency x max over regions of max(",
  "  pages(DescribeCacheClusters) + dependent round,",
  "  pages(DescribeReplicationGroups), pages(DescribeServerlessCaches), pages(DescribeCacheSubnetGroups), pages(DescribeVpcs))",
  "dependent round = max(max over attached custom groups of policy pages, 1 if any security group)",
  "policy pages = pages(Source=user rows) + (pages(all rows) when the user rows lack maxmemory-policy)",
  "pages(n) = ceil(n / 100) for ElastiCache (50 for serverless), ceil(n / 1000) for EC2, at least 1;",
  "the groups' names and security group ids are only known once the cluster pages are read (default groups need no read);",
  "DescribeSecurityGroups by id (batched) and DescribeCacheParameterGroups by name run in one parallel round.",
].join("\n");

/** Sequential pages to list `n` items with pages of `size` (an empty list still costs one call). */
export function pages(n: number, size: number): number {
  return Math.max(1, Math.ceil(n / size));
}

/** The critical path of one region, in rounds. */
export function regionBound(shape: RegionFleetShape): RegionBound {
  const ec = PAGE_SIZES.elasticache;
  const paramPages = Math.max(0, ...shape.attachedGroupPolicyPages);
  const dependent = Math.max(paramPages, shape.securityGroupIds > 0 ? 1 : 0);
  const clusterPages = pages(shape.cacheClusters, ec);
  const candidates: [number, string][] = [
    [clusterPages + dependent, dependentPath(clusterPages, paramPages, dependent)],
    [
      pages(shape.replicationGroups, ec),
      `DescribeReplicationGroups ${pages(shape.replicationGroups, ec)} pages`,
    ],
    [
      pages(shape.serverlessCaches, PAGE_SIZES.serverless),
      `DescribeServerlessCaches ${pages(shape.serverlessCaches, PAGE_SIZES.serverless)} pages`,
    ],
    [pages(shape.subnetGroups, ec), `DescribeCacheSubnetGroups ${pages(shape.subnetGroups, ec)} pages`],
    [pages(shape.vpcs, PAGE_SIZES.ec2), `DescribeVpcs ${pages(shape.vpcs, PAGE_SIZES.ec2)} pages`],
  ];
  // The first candidate wins ties: it is the path the issue names (cluster pages, then dependents).
  const [rounds, path] = candidates.reduce((best, c) => (c[0] > best[0] ? c : best));
  return { region: shape.region, rounds, path };
}

function dependentPath(clusterPages: number, paramPages: number, dependent: number): string {
  const head = `DescribeCacheClusters ${clusterPages} pages`;
  if (dependent === 0) return head;
  if (paramPages >= dependent) return `${head} + DescribeCacheParameters ${paramPages} pages`;
  return `${head} + DescribeSecurityGroups 1 round`;
}

/** The fleet's lower bound: regions run in parallel, so the slowest region sets it. */
export function lowerBound(shapes: RegionFleetShape[], latencyMs: number): LowerBound {
  const regions = shapes.map(regionBound);
  const rounds = Math.max(0, ...regions.map((r) => r.rounds));
  return { rounds, ms: rounds * latencyMs, regions };
}
