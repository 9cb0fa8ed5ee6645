/**
 * The reads that depend on the cluster list (each distinct parameter group's parameters, the attached
 * security groups), fed page by page while DescribeCacheClusters is still paging. Marker paging is
 * sequential, so starting these as each page arrives hides them behind the remaining pages instead of
 * adding rounds after the last one.
 */
import {
  isDefaultParameterGroup,
  type CacheCluster,
  type CacheParameter,
  type SecurityGroup,
} from "@/lib/core/model/resources";
import type { ReadResult } from "@/lib/core/model/snapshot";
import { limiter } from "./read-result";

/**
 * Distinct custom groups of Redis/Valkey nodes only: Memcached groups have nothing the audit reads, and a
 * `default.*` group cannot be modified by anyone, so it holds the family default (maxmemory-policy
 * volatile-lru, docs/aws-facts.md §2) and lib/core/readiness judges it without a read. Those reads were ~2 pages
 * of ~40 KB XML each, the largest share of the audit's CPU.
 */
export function groupsToRead(clusters: CacheCluster[]): string[] {
  const names = new Set<string>();
  for (const c of clusters) {
    const name = c.parameterGroup?.name;
    if (name && c.engine !== "memcached" && !isDefaultParameterGroup(name)) names.add(name);
  }
  return [...names].sort();
}

export interface ParameterReads {
  /** Starts the read of every group of these clusters not asked for yet (in name order within the page). */
  add(clusters: CacheCluster[]): void;
  /** Every read started so far, by group name in name order, once all have settled. */
  results(): Promise<Record<string, ReadResult<CacheParameter[]>>>;
}

/**
 * Each distinct group is read once, however many pages or clusters name it. `concurrency` caps the reads in
 * flight: these are small requests and the SDK's adaptive retry slows down on throttling, so the cap is
 * generous and normally lets every group of a region go out in the same round.
 */
export function parameterReads(
  read: (name: string) => Promise<ReadResult<CacheParameter[]>>,
  concurrency: number,
): ParameterReads {
  const run = limiter(concurrency);
  const started = new Map<string, Promise<ReadResult<CacheParameter[]>>>();
  return {
    add(clusters) {
      for (const name of groupsToRead(clusters)) {
        if (!started.has(name))
          started.set(
            name,
            run(() => read(name)),
          );
      }
    },
    async results() {
      const names = [...started.keys()].sort();
      const values = await Promise.all(names.map((name) => started.get(name)!));
      return Object.fromEntries(names.map((name, i) => [name, values[i]!]));
    },
  };
}

export interface SecurityGroupReads {
  /** Starts one batched read of the ids not asked for yet; does nothing when every id was asked for. */
  add(ids: Iterable<string>): void;
  /** How many distinct ids were asked for. */
  readonly requested: number;
  /** The groups of every batch (by id, each once), or the first failed batch's problem. */
  result(): Promise<ReadResult<SecurityGroup[]>>;
}

/**
 * One DescribeSecurityGroups per call of `add` that brings new ids: called once per cluster page (and once
 * for the serverless list), so the calls are bounded by pages, never by clusters. A fleet reuses a handful of
 * groups, so in practice the first page asks for all of them and later pages ask for nothing.
 */
export function securityGroupReads(
  read: (ids: string[]) => Promise<ReadResult<SecurityGroup[]>>,
): SecurityGroupReads {
  const asked = new Set<string>();
  const batches: Promise<ReadResult<SecurityGroup[]>>[] = [];
  return {
    add(ids) {
      const fresh = [...new Set(ids)].filter((id) => !asked.has(id)).sort();
      if (fresh.length === 0) return;
      for (const id of fresh) asked.add(id);
      batches.push(read(fresh));
    },
    get requested() {
      return asked.size;
    },
    async result() {
      const reads = await Promise.all(batches);
      const failed = reads.find((r) => !r.ok);
      if (failed) return failed;
      const byId = new Map<string, SecurityGroup>();
      for (const r of reads) if (r.ok) for (const g of r.value) if (!byId.has(g.id)) byId.set(g.id, g);
      return { ok: true, value: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)) };
    },
  };
}
