/**
 * A generated fleet for benchmarks and scale demos: N clusters spread over regions, a deterministic
 * mix of replication groups (1..3 members), cluster-mode groups, standalone Redis, memcached and
 * serverless caches, sharing at most ~25 custom parameter groups per region.
 */
import { prng } from "@/tools/sandbox/faults";
import { standaloneState } from "@/tools/sandbox/model/accounts";
import { emptyRegion, type RegionState, type SandboxState } from "@/tools/sandbox/model/state";
import {
  addCustomGroup,
  addDefaultParameterGroups,
  addReplicationGroup,
  addServerless,
  addStandalone,
} from "./cache-builders";
import { addMemoryDbCluster, addMemoryDbGroup, addMemoryDbSubnetGroup } from "./memorydb-builders";
import { addSecurityGroup, addSubnetGroup, addVpc, subnetIdsOf, tcp } from "./network-builders";
import { addAlarm } from "./alarm-builders";
import { addStack, CFN_TYPES, type StackResourceSeed } from "./stack-builders";

export interface FleetSpec {
  /** Clusters per account, spread over its regions. */
  clusters: number;
  regions?: string[];
  seed?: number;
  /**
   * More than 1: an organization (an estate) of this many accounts, the seeded management account first,
   * each member with the same fleet shape (its own seed) and an OrganizationAccountAccessRole trusting it.
   */
  accounts?: number;
}

export const DEFAULT_FLEET_REGIONS = ["us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"];
const ENGINES: Array<{ engine: "redis" | "valkey"; version: string; family: string }> = [
  { engine: "redis", version: "7.1.0", family: "redis7" },
  { engine: "redis", version: "6.2.6", family: "redis6.x" },
  { engine: "valkey", version: "8.0.1", family: "valkey8" },
  { engine: "valkey", version: "7.2.6", family: "valkey7" },
  { engine: "redis", version: "5.0.6", family: "redis5.0" },
];
const POLICIES = ["noeviction", "allkeys-lru", "volatile-lru", "noeviction", "allkeys-lfu"];

function network(r: RegionState, index: number): { subnetGroup: string; cacheGroups: string[] } {
  const octet = 30 + index;
  const vpc = `vpc-0fleet${String(index).padStart(11, "0")}`;
  addVpc(
    r,
    vpc,
    "fleet",
    `10.${octet}.0.0/16`,
    [1, 2, 3].map((n) => [`10.${octet}.${n}.0/24`, `${r.region}${"abc"[n - 1]}`] as [string, string]),
  );
  const app = `sg-0fltapp${String(index).padStart(10, "0")}`;
  addSecurityGroup(r, app, "fleet-app", "fleet application", vpc, []);
  const cacheGroups = [0, 1, 2].map((n) => {
    const id = `sg-0fltc${n}${String(index).padStart(11, "0")}`;
    const rules =
      n === 0 ? [tcp(6379, { group: app })] : n === 1 ? [tcp(6379, { cidr: `10.${octet}.0.0/16` })] : [];
    addSecurityGroup(r, id, `fleet-cache-${n}`, "fleet cache access", vpc, rules);
    return id;
  });
  addSubnetGroup(r, "fleet-cache-subnets", vpc, "fleet cache subnets");
  return { subnetGroup: "fleet-cache-subnets", cacheGroups };
}

function fillRegion(r: RegionState, index: number, count: number, rand: () => number): void {
  const { subnetGroup, cacheGroups } = network(r, index);
  addDefaultParameterGroups(r);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const customCount = Math.min(25, Math.max(1, Math.ceil(count / 10)));
  const customs = Array.from({ length: customCount }, (_, i) => {
    const e = ENGINES[i % ENGINES.length]!;
    const name = `fleet-${e.family.replace(".", "")}-${i + 1}`;
    addCustomGroup(r, name, e.family, { "maxmemory-policy": POLICIES[i % POLICIES.length]! });
    return { name, family: e.family };
  });
  for (let i = 0; i < count; i++) {
    const id = `fleet-${r.region
      .split("-")
      .map((p) => p.charAt(0))
      .join("")}-${String(i + 1).padStart(5, "0")}`;
    const e = pick(ENGINES);
    const base = {
      id,
      engine: e.engine,
      version: e.version,
      subnetGroup,
      securityGroups: [pick(cacheGroups)],
    };
    const custom = customs.filter((c) => c.family === e.family);
    const group = custom.length && rand() < 0.6 ? pick(custom).name : `default.${e.family}`;
    const roll = rand();
    if (roll < 0.55)
      addReplicationGroup(r, { ...base, group, shards: 1, nodesPerShard: 1 + Math.floor(rand() * 3) });
    else if (roll < 0.7) {
      addReplicationGroup(r, {
        ...base,
        group: `default.${e.family}.cluster.on`,
        shards: 2 + Math.floor(rand() * 2),
        nodesPerShard: 1 + Math.floor(rand() * 2),
        clusterEnabled: true,
      });
    } else if (roll < 0.85) addStandalone(r, { ...base, group });
    else if (roll < 0.93)
      addStandalone(
        r,
        { ...base, engine: "memcached", version: "1.6.22", group: "default.memcached1.6", port: 11211 },
        1 + Math.floor(rand() * 3),
      );
    else
      addServerless(
        r,
        id,
        e.engine,
        e.version.split(".")[0]!,
        e.version.split(".").slice(0, 2).join("."),
        [base.securityGroups[0]!],
        subnetIdsOf(r, r.vpcs[0]!.id),
      );
  }
  addFleetStacks(r);
  addFleetMemoryDb(r, index, count, cacheGroups);
  addFleetAlarms(r);
}

/**
 * One MemoryDB cluster per twenty generated clusters, cycling through the three seeded kinds (default
 * group, a shared custom `volatile-lru` group, Valkey). Drawn without the fleet's random source, so the
 * ElastiCache shape of a fleet stays what it was.
 */
function addFleetMemoryDb(r: RegionState, index: number, count: number, cacheGroups: string[]): void {
  const total = Math.floor(count / 20);
  if (total === 0) return;
  addMemoryDbSubnetGroup(r, "fleet-memorydb-subnets", r.vpcs[0]!.id, "fleet MemoryDB subnets");
  addMemoryDbGroup(
    r,
    "fleet-memdb-lru",
    "memorydb_redis7",
    { "maxmemory-policy": "volatile-lru" },
    "fleet LRU",
  );
  for (let i = 0; i < total; i++) {
    const kind = i % 3;
    addMemoryDbCluster(r, {
      name: `fleet-memdb-${index}-${String(i + 1).padStart(4, "0")}`,
      engine: kind === 2 ? "valkey" : "redis",
      version: kind === 2 ? "7.2.6" : "7.1.0",
      group: kind === 1 ? "fleet-memdb-lru" : undefined,
      subnetGroup: "fleet-memorydb-subnets",
      securityGroups: [cacheGroups[i % cacheGroups.length]!],
    });
  }
}

/**
 * Every third replication group (by position, so the random shape is untouched) has a memory alarm put
 * by hand; one in four of those watches too late (95 %) to count.
 */
function addFleetAlarms(r: RegionState): void {
  r.replicationGroups
    .filter((_, i) => i % 3 === 0)
    .forEach((g, i) =>
      addAlarm(r, {
        name: `${g.id}-memory`,
        metricName: "DatabaseMemoryUsageCountedForEvictPercentage",
        dimension: { name: "ReplicationGroupId", value: g.id },
        threshold: i % 4 === 3 ? 95 : 80,
      }),
    );
}

/** Clusters per generated stack. */
const FLEET_STACK_SIZE = 10;

/**
 * A quarter of the generated clusters (every fourth replication group or Redis/Valkey cluster, by position,
 * so the fleet's random shape is untouched) belong to CloudFormation stacks of up to ten clusters each.
 */
function addFleetStacks(r: RegionState): void {
  const owned: StackResourceSeed[] = [
    ...r.replicationGroups.map((g) => ({ id: g.id, type: CFN_TYPES.replicationGroup })),
    ...r.cacheClusters
      .filter((c) => !c.replicationGroupId && c.engine !== "memcached")
      .map((c) => ({ id: c.id, type: CFN_TYPES.cacheCluster })),
  ]
    .sort((a, b) => a.id.localeCompare(b.id))
    .filter((_, i) => i % 4 === 0)
    .map(({ id, type }) => ({ logicalId: logicalIdOf(id), type, physicalId: id }));
  for (let i = 0; i < owned.length; i += FLEET_STACK_SIZE) {
    addStack(r, {
      name: `fleet-stack-${r.region}-${i / FLEET_STACK_SIZE + 1}`,
      description: "generated fleet stack",
      resources: owned.slice(i, i + FLEET_STACK_SIZE),
    });
  }
}

/** `fleet-ue1-00001` -> `FleetUe100001`: CloudFormation logical ids are alphanumeric. */
function logicalIdOf(id: string): string {
  return id
    .split("-")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("");
}

/** One account's fleet regions. */
export function fleetRegions(spec: FleetSpec, accountId?: string): RegionState[] {
  if (!Number.isInteger(spec.clusters) || spec.clusters < 0 || spec.clusters > 100_000)
    throw new Error("A fleet has 0..100000 clusters.");
  const regions = spec.regions?.length ? spec.regions : DEFAULT_FLEET_REGIONS;
  const rand = prng(spec.seed ?? 1);
  return regions.map((name, index) => {
    const region = emptyRegion(name, accountId);
    const share =
      Math.floor(spec.clusters / regions.length) + (index < spec.clusters % regions.length ? 1 : 0);
    fillRegion(region, index, share, rand);
    return region;
  });
}

export function fleetSeed(spec: FleetSpec): SandboxState {
  return standaloneState(fleetRegions(spec));
}
