/**
 * Verify on the engine: connect as the snippet does, read what the engine says (INFO), compare it with what
 * the API says, and run the BullMQ smoke job. Every path ends with a result and closed connections within a
 * few seconds; the token lives only in this call.
 */
import { engineMemoryOf } from "@/lib/core/verify/memory";
import type { ClusterAudit } from "@/lib/core/readiness/types";
import { disagreements, type ApiFacts } from "@/lib/core/verify/compare";
import {
  closeClient,
  connectClient,
  makeClient,
  snippetPrefix,
  type EngineClient,
} from "@/lib/adapters/redis/connection";
import { parseInfo, type EngineFacts } from "@/lib/core/verify/info";
import { connectProblem } from "@/lib/core/verify/problems";
import type { EngineRoutes } from "@/lib/adapters/redis/routes";
import { runSmokeJob } from "@/lib/adapters/redis/smoke-job";
import type { Verification } from "@/lib/core/verify/verification";
import { REDIS_MINIMUM, redisVersionSupport } from "@/lib/core/readiness/rules/engine-version";

export interface VerifyOptions {
  routes: EngineRoutes;
  token?: string;
  /** The RBAC user name, for clusters with a user group (the token is then that user's password). */
  username?: string;
  ca?: string;
  timeoutMs?: number;
  /** The queue prefix; the snippet's by default (a test passes `bull` on a cluster to show CROSSSLOT). */
  prefix?: string;
}

async function readFacts(client: EngineClient): Promise<EngineFacts[]> {
  const nodes = "nodes" in client ? client.nodes("master") : [client];
  return Promise.all(nodes.map(async (n) => parseInfo(await n.info())));
}

export async function verifyEngine(audit: ClusterAudit, o: VerifyOptions): Promise<Verification> {
  const api: ApiFacts = {
    groupName: audit.parameterGroup?.name,
    policy: audit.parameterGroup?.policy,
    mode: audit.connection?.mode ?? "single",
  };
  const base = {
    target: audit.ref,
    at: new Date().toISOString(),
    api,
    disagreements: [],
  };
  const c = audit.connection;
  if (!c)
    return {
      ...base,
      outcome: "error",
      message: "QueueReady has no endpoint to connect to for this cluster.",
    };
  if (c.auth !== "none" && !o.token)
    return {
      ...base,
      outcome: "needs-token",
      message: "This cluster needs its AUTH token to connect; give it to verify.",
    };
  const settings = {
    connection: c,
    routes: o.routes,
    password: o.token,
    username: c.auth === "rbac" ? o.username : undefined,
    ca: o.ca,
    timeoutMs: o.timeoutMs ?? 3000,
  };
  const client = makeClient(settings, "check");
  let facts: EngineFacts[];
  try {
    await connectClient(client, settings.timeoutMs);
    facts = await readFacts(client);
  } catch (e) {
    const p = connectProblem(e);
    const outcome = p.kind === "unreachable" ? "unreachable" : p.kind === "auth" ? "auth-failed" : "error";
    return { ...base, outcome, message: p.message };
  } finally {
    await closeClient(client);
  }
  const engine = facts[0]!;
  const found = disagreements(engine, api);
  const policies = new Set(facts.map((f) => f.maxmemoryPolicy));
  if (policies.size > 1) found.push(`The shards run different policies: ${[...policies].join(", ")}.`);
  // The smoke job skips BullMQ's version check (it would repeat the policy warning): its refusal is here.
  const refused = facts.find((f) => f.server === "redis" && redisVersionSupport(f.version) === "refused");
  const smokeJob = refused
    ? { ok: false, error: `BullMQ refuses Redis below ${REDIS_MINIMUM}; the engine runs ${refused.version}.` }
    : await runSmokeJob(settings, o.prefix ?? snippetPrefix(c));
  const ready = [...policies].every((p) => p === "noeviction") && smokeJob.ok;
  const memory = engineMemoryOf(facts);
  return {
    ...base,
    outcome: ready ? "verified" : "not-ready",
    engine,
    memory,
    disagreements: found,
    smokeJob,
  };
}

/** The CLI's exit code: 0 noeviction and the job ran, 1 reachable but either failed, 2 unreachable or error. */
export function exitCodeOf(v: Verification): 0 | 1 | 2 {
  if (v.outcome === "verified") return 0;
  return v.outcome === "not-ready" ? 1 : 2;
}
