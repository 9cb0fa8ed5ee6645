/**
 * Starts every engine of a sandbox state at once: primaries and standalone nodes in parallel, then replicas
 * (which need their primary's port), then the cluster-mode groups are formed. Stopping ends every process.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { withAdmin } from "./admin-client";
import { formCluster, type ClusterMember } from "./cluster-setup";
import type { EngineNodeSpec } from "./node-plan";
import { freePort, startRedisProcess, type RedisProcess } from "./redis-process";
import { makeEngineCert, type EngineCert } from "./tls-cert";

export interface RunningEngine {
  spec: EngineNodeSpec;
  process: RedisProcess;
  busPort?: number;
}

export interface FleetOptions {
  bin: string;
  dir: string;
  authToken: string;
  /** False when no `openssl` is available: TLS clusters then run without TLS. */
  tls: boolean;
  log(line: string): void;
  /**
   * Ports by engine key, tried first and updated: a restart (reset) keeps each engine's address, so routes
   * handed to QueueReady at start stay right.
   */
  ports: Map<string, { port: number; busPort?: number }>;
  /**
   * Certificates by the host names they cover, reused the same way: a reset must not change the CA that
   * QueueReady was told to trust at start.
   */
  certs?: Map<string, EngineCert>;
}

export interface Fleet {
  engines: RunningEngine[];
  cert?: EngineCert;
  caPem?: string;
  /** Runs a command as the sandbox on one engine (CONFIG SET after a parameter change). */
  admin<T>(e: RunningEngine, run: Parameters<typeof withAdmin<T>>[1]): Promise<T>;
  stop(): Promise<void>;
}

const configArgs = (config: Record<string, string>) =>
  Object.entries(config).flatMap(([name, value]) => [`--${name}`, value]);

async function reusedCert(o: FleetOptions, hosts: string[]): Promise<EngineCert> {
  const known = o.certs?.get(hosts.join(","));
  if (known) return known;
  const cert = await makeEngineCert(o.dir, hosts);
  o.certs?.set(hosts.join(","), cert);
  return cert;
}

export async function startFleet(specs: EngineNodeSpec[], o: FleetOptions): Promise<Fleet> {
  const tlsHosts = specs.filter((s) => s.tls).flatMap((s) => [s.endpoint, ...s.groupEndpoints]);
  const hosts = [...new Set(tlsHosts.map((h) => h.split(":")[0]!))].sort();
  const cert = o.tls && hosts.length > 0 ? await reusedCert(o, hosts) : undefined;
  const engines: RunningEngine[] = [];
  const byId = new Map<string, RunningEngine>();
  const adminOf = (e: RunningEngine) => ({
    port: e.process.port,
    password: e.spec.authToken ? o.authToken : undefined,
    caFile: e.spec.tls ? cert?.certFile : undefined,
  });

  const startOne = async (spec: EngineNodeSpec): Promise<void> => {
    const primary = spec.primaryOf ? byId.get(`${spec.region}/${spec.primaryOf}`) : undefined;
    for (let attempt = 1; ; attempt++) {
      const known = attempt === 1 ? o.ports.get(spec.key) : undefined;
      const port = known?.port ?? (await freePort());
      const busPort = spec.clusterEnabled ? (known?.busPort ?? (await freePort())) : undefined;
      const args = [
        ...configArgs(spec.config),
        ...(spec.authToken ? ["--requirepass", o.authToken, "--masterauth", o.authToken] : []),
        ...(busPort ? ["--cluster-enabled", "yes", "--cluster-port", String(busPort)] : []),
        ...(busPort ? ["--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000"] : []),
        ...(busPort && spec.tls && cert ? ["--tls-cluster", "yes"] : []),
        ...(primary && !spec.clusterEnabled
          ? ["--replicaof", "127.0.0.1", String(primary.process.port)]
          : []),
      ];
      const dir = path.join(o.dir, `${spec.region}-${spec.cacheClusterId}`);
      try {
        const process = await startRedisProcess({
          bin: o.bin,
          dir,
          port,
          args,
          tls: spec.tls ? cert : undefined,
        });
        const engine = { spec, process, busPort };
        o.ports.set(spec.key, { port, busPort });
        engines.push(engine);
        byId.set(`${spec.region}/${spec.cacheClusterId}`, engine);
        return;
      } catch (e) {
        // Another program may have taken the port between the probe and the bind: try a fresh one.
        if (attempt >= 3) throw e;
      }
    }
  };

  const stop = async () => {
    await Promise.all(engines.map((e) => e.process.stop()));
  };
  try {
    await Promise.all(specs.filter((s) => s.role === "primary").map(startOne));
    await Promise.all(specs.filter((s) => s.role === "replica").map(startOne));
    const groups = new Map<string, RunningEngine[]>();
    for (const e of engines.filter((x) => x.spec.clusterEnabled)) {
      const key = `${e.spec.region}/${e.spec.replicationGroupId}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    await Promise.all(
      [...groups.values()].map((group) =>
        formCluster(
          group.map((e): ClusterMember => ({
            ...adminOf(e),
            busPort: e.busPort!,
            shardIndex: e.spec.shardIndex,
            role: e.spec.role,
          })),
          group[0]!.spec.shardCount,
        ),
      ),
    );
  } catch (e) {
    await stop();
    throw e;
  }
  // Listed in plan order (state order), not in the order the parallel starts finished.
  engines.sort((a, b) => specs.indexOf(a.spec) - specs.indexOf(b.spec));
  return {
    engines,
    cert,
    caPem: cert ? readFileSync(cert.certFile, "utf8") : undefined,
    admin: (e, run) => withAdmin(adminOf(e), run),
    stop,
  };
}
