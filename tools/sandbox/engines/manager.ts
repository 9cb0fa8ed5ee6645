/**
 * The sandbox's real engines over its life: started with the sandbox, restarted on reset, stopped on close,
 * and brought in line when a parameter change reaches `in-sync`. No orphans: a watchdog shell kills the
 * engines when this process dies without closing (crash, SIGKILL), and an exit handler does it on exit.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { MemoryReading } from "@/tools/sandbox/cloudwatch";
import type { InSyncTarget } from "@/tools/sandbox/model/lifecycle";
import type { RegionState, SandboxState } from "@/tools/sandbox/model/state";
import { memoryDbEngineConfig } from "./memorydb-nodes";
import { startFleet, type Fleet } from "./fleet";
import type { EngineCert } from "./tls-cert";
import { groupEngineConfig, planEngineNodes, DYNAMIC_PARAMETERS } from "./node-plan";

/** What `GET /_sandbox/engines` lists for each engine. */
export interface EngineInfo {
  accountId: string;
  region: string;
  cacheClusterId: string;
  nodeId: string;
  /** The node's AWS endpoint, `host:port`. */
  endpoint: string;
  /** Where the engine really listens, `127.0.0.1:port`. */
  address: string;
  replicationGroupId?: string;
  role: "primary" | "replica";
  /** Group endpoints (primary, reader, configuration) that route to this node. */
  groupEndpoints: string[];
  tls: boolean;
}

export interface EngineManagerOptions {
  bin: string;
  authToken: string;
  tls: boolean;
  log(line: string): void;
}

// Waits for the parent to go, then kills every engine whose pid file is in the directory, and removes it.
const WATCHDOG = `while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
find "$2" -name redis.pid | while read -r f; do kill -9 "$(cat "$f")" 2>/dev/null; done
rm -rf "$2"`;

export class EngineManager {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), "queueready-engines-"));
  private current: Promise<Fleet | undefined> = Promise.resolve(undefined);
  private pending = new Set<Promise<unknown>>();
  private readonly watchdog = spawn("sh", ["-c", WATCHDOG, "sh", String(process.pid), this.dir], {
    detached: true,
    stdio: "ignore",
  });
  private readonly onExit = () => this.killNow();
  private fleet: Fleet | undefined;
  private readonly ports = new Map<string, { port: number; busPort?: number }>();
  private readonly certs = new Map<string, EngineCert>();
  private readonly memory = new Map<string, MemoryReading>();
  private sampledAt = 0;

  constructor(private readonly o: EngineManagerOptions) {
    this.watchdog.unref();
    process.once("exit", this.onExit);
  }

  /** Stops the running engines (if any) and starts the ones `state` needs; `ready()` waits for it. */
  start(state: SandboxState): Promise<unknown> {
    const previous = this.current;
    const specs = planEngineNodes(state);
    this.current = previous.then(async (old) => {
      await old?.stop().catch(() => undefined);
      const started = performance.now();
      const dir = mkdtempSync(path.join(this.dir, "gen-"));
      this.fleet = await startFleet(specs, { ...this.o, dir, ports: this.ports, certs: this.certs });
      const ms = Math.round(performance.now() - started);
      this.o.log(`engines: ${specs.length} redis-server processes ready in ${ms} ms`);
      return this.fleet;
    });
    return this.current;
  }

  async list(): Promise<EngineInfo[]> {
    const fleet = await this.current;
    return (fleet?.engines ?? []).map(({ spec, process }) => ({
      accountId: spec.accountId,
      region: spec.region,
      cacheClusterId: spec.cacheClusterId,
      nodeId: spec.nodeId,
      endpoint: spec.endpoint,
      address: `127.0.0.1:${process.port}`,
      replicationGroupId: spec.replicationGroupId,
      role: spec.role,
      groupEndpoints: spec.groupEndpoints,
      tls: spec.tls && fleet?.cert !== undefined,
    }));
  }

  /** The PEM the TLS engines serve (their own CA), for clients that must trust it. */
  async caPem(): Promise<string | undefined> {
    return (await this.current)?.caPem;
  }

  /**
   * A parameter change reached `in-sync`: set the group's dynamic parameters on the engines it covers (a
   * cache cluster's one node, or every node of a MemoryDB cluster).
   */
  parametersInSync(region: RegionState, target: InSyncTarget): void {
    const memoryDb = "parameterGroupStatus" in target;
    const id = memoryDb ? target.name : target.id;
    const config = memoryDb
      ? memoryDbEngineConfig(region, target, DYNAMIC_PARAMETERS)
      : groupEngineConfig(region, target);
    const work = this.current.then(async (fleet) => {
      const engines = (fleet?.engines ?? []).filter(
        (e) =>
          e.spec.region === region.region &&
          (memoryDb
            ? e.spec.key.includes("/memorydb/") && e.spec.replicationGroupId === id
            : e.spec.cacheClusterId === id),
      );
      if (!fleet || engines.length === 0) return;
      for (const engine of engines)
        await fleet.admin(engine, async (redis) => {
          for (const name of DYNAMIC_PARAMETERS) {
            if (config[name] !== undefined) await redis.call("CONFIG", "SET", name, config[name]);
          }
        });
      this.o.log(`engines: ${id} now runs maxmemory-policy ${config["maxmemory-policy"]}`);
    });
    const tracked = work.catch((e: unknown) => this.o.log(`engines: ${id} not updated: ${String(e)}`));
    this.pending.add(tracked);
    void tracked.then(() => this.pending.delete(tracked));
  }

  /** The last `INFO memory` reading of a cache cluster's engine (its primary's for a group member). */
  memoryOf(accountId: string, region: string, cacheClusterId: string): MemoryReading | undefined {
    return this.memory.get(`${accountId}/${region}/${cacheClusterId}`);
  }

  /**
   * Reads `INFO memory` from every engine (at most once a second), so the CloudWatch memory metrics answer
   * what the engines hold: used_memory, used_memory minus mem_not_counted_for_evict, and maxmemory.
   */
  async sampleMemory(): Promise<void> {
    if (Date.now() - this.sampledAt < 1000) return;
    this.sampledAt = Date.now();
    const fleet = await this.current.catch(() => undefined);
    await Promise.all(
      (fleet?.engines ?? []).map(async (engine) => {
        const info = await fleet!.admin(engine, (redis) => redis.info("memory")).catch(() => undefined);
        const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, "m").exec(info ?? "")?.[1]);
        const used = field("used_memory");
        const max = field("maxmemory");
        if (!info || !(used >= 0) || !(max > 0)) return;
        const notCounted = field("mem_not_counted_for_evict") || 0;
        const { accountId, region, cacheClusterId } = engine.spec;
        this.memory.set(`${accountId}/${region}/${cacheClusterId}`, {
          usedBytes: used,
          countedBytes: Math.max(0, used - notCounted),
          maxBytes: max,
        });
      }),
    );
  }

  /** Resolves once every engine update started so far is done (answers wait for it: no stale INFO). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async stop(): Promise<void> {
    const fleet = await this.current.catch(() => undefined);
    await fleet?.stop();
    process.off("exit", this.onExit);
    this.watchdog.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private killNow(): void {
    for (const e of this.fleet?.engines ?? [])
      if (!e.process.exited()) process.kill(e.process.pid, "SIGKILL");
    rmSync(this.dir, { recursive: true, force: true });
  }
}
