/** A verification as the CLI prints it: what the engine says beside what the API says, and the smoke job. */
import type { Verification } from "@/lib/core/verify/verification";

function bytes(n: number): string {
  if (n === 0) return "no limit";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 2)} ${units[i]}`;
}

export function verificationText(v: Verification): string {
  const t = v.target;
  const lines = [`${t.id} (${t.accountId} ${t.region}), checked ${v.at}`];
  if (v.engine) {
    const e = v.engine;
    lines.push(
      `  engine says  ${e.server} ${e.version}, maxmemory-policy ${e.maxmemoryPolicy}, maxmemory ${bytes(e.maxmemory)}, used ${bytes(e.usedMemory)}, cluster mode ${e.clusterEnabled ? "on" : "off"}`,
    );
  }
  lines.push(
    `  API says     parameter group ${v.api.groupName ?? "unknown"}: ${v.api.policy ?? "policy unknown"}, cluster mode ${v.api.mode === "cluster" ? "on" : "off"}`,
  );
  if (v.memory?.percent !== undefined)
    lines.push(
      `  memory       ${v.memory.percent.toFixed(1)} % of maxmemory used (${bytes(v.memory.usedBytes)} of ${bytes(v.memory.maxBytes)}, fullest shard)`,
    );
  if (v.memory?.warning) lines.push(`  WARNING      ${v.memory.warning}`);
  for (const d of v.disagreements) lines.push(`  disagree     ${d}`);
  if (v.smokeJob) {
    lines.push(
      v.smokeJob.ok
        ? `  smoke job    passed: one BullMQ job added and completed in ${v.smokeJob.ms} ms, queue removed, no keys left`
        : `  smoke job    FAILED: ${v.smokeJob.error}`,
    );
  }
  const verdict: Record<Verification["outcome"], string> = {
    verified: "ready for BullMQ on the engine",
    "not-ready":
      v.engine?.maxmemoryPolicy !== "noeviction"
        ? `not ready: the engine evicts (${v.engine?.maxmemoryPolicy})`
        : "not ready: the smoke job failed",
    unreachable: "not checked",
    "needs-token": "not checked",
    "auth-failed": "not checked",
    error: "not checked",
  };
  lines.push(`  result       ${verdict[v.outcome]}${v.message ? `: ${v.message}` : ""}`);
  return `${lines.join("\n")}\n`;
}

/** The `--json` shape. */
export function verificationJson(v: Verification) {
  return {
    target: v.target,
    engine: v.engine?.server ?? null,
    version: v.engine?.version ?? null,
    maxmemoryPolicy: v.engine?.maxmemoryPolicy ?? null,
    clusterEnabled: v.engine?.clusterEnabled ?? null,
    smokeJob: v.smokeJob
      ? { ok: v.smokeJob.ok, ms: v.smokeJob.ms ?? null, error: v.smokeJob.error ?? null }
      : { ok: false, ms: null, error: v.message ?? "not run" },
    outcome: v.outcome,
    disagreements: v.disagreements,
    memory: v.memory
      ? {
          usedBytes: v.memory.usedBytes,
          maxBytes: v.memory.maxBytes,
          percent: v.memory.percent ?? null,
          warning: v.memory.warning ?? null,
        }
      : null,
    at: v.at,
  };
}
