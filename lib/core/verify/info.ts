/**
 * What the engine says about itself, from `INFO` (the only introspection ElastiCache allows; never CONFIG):
 * server and version, the eviction policy, memory and whether cluster mode is on.
 */

export interface EngineFacts {
  server: "redis" | "valkey";
  version: string;
  maxmemoryPolicy: string;
  /** Bytes; 0 means no limit. */
  maxmemory: number;
  usedMemory: number;
  clusterEnabled: boolean;
}

/** `INFO` text as `name → value` (sections and comments dropped). */
export function infoFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line === "" || line.startsWith("#")) continue;
    const i = line.indexOf(":");
    if (i > 0) fields[line.slice(0, i)] = line.slice(i + 1).trim();
  }
  return fields;
}

/** The facts, or an error naming the missing field (a proxy or an old engine that hides them). */
export function parseInfo(text: string): EngineFacts {
  const f = infoFields(text);
  const need = (name: string): string => {
    const v = f[name];
    if (v === undefined) throw new Error(`INFO did not report ${name}.`);
    return v;
  };
  const valkey = f.valkey_version !== undefined || f.server_name === "valkey";
  return {
    server: valkey ? "valkey" : "redis",
    version: valkey ? (f.valkey_version ?? need("redis_version")) : need("redis_version"),
    maxmemoryPolicy: need("maxmemory_policy"),
    maxmemory: Number(need("maxmemory")),
    usedMemory: Number(need("used_memory")),
    clusterEnabled: f.cluster_enabled === "1",
  };
}
