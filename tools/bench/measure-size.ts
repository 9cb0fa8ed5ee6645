import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { peakRss, resetPeakRss } from "./app-server";
import { runAudit, requestCounter } from "./audit-run";
import { readRegionTruth, type RegionTruth } from "./fleet-shape";
import { lowerBound } from "./lower-bound";
import { runPeer, type PeerCli } from "./peer";
import type { SizeResult } from "./report";
import type { SandboxProcess } from "./sandbox-process";
import { median } from "./table";

export interface SizeContext {
  sandbox: SandboxProcess;
  settings: AwsSettings;
  regions: string[];
  latencyMs: number;
  runs: number;
  peer?: PeerCli;
  peerSkipped?: string;
  log: (line: string) => void;
}

/** Generates the fleet, counts it, times the audit `runs` times and the peer once. */
export async function measureSize(
  clusters: number,
  c: SizeContext,
): Promise<{ result: SizeResult; truth: RegionTruth[] }> {
  await c.sandbox.generateFleet(clusters, c.regions);
  // The ground truth is read without latency: it is not part of any figure.
  await c.sandbox.setLatency(0);
  const truth = await Promise.all(c.regions.map((r) => readRegionTruth(c.settings, r)));
  await c.sandbox.setLatency(c.latencyMs);
  const expectedTargets = truth.reduce((n, t) => n + t.targets, 0);
  c.log(
    `  ${clusters} clusters: ${expectedTargets} targets, ${truth.map((t) => `${t.region} ${t.cacheClusters} cache clusters/${t.attachedGroups} custom groups/${t.securityGroupIds} SGs`).join(", ")}`,
  );

  const counter = requestCounter();
  await runAudit(c.settings, c.regions, counter.listener); // warm-up: sockets, JIT, as a page in steady use
  resetPeakRss(process.pid);
  const runsMs: number[] = [];
  let calls: Record<string, number> = {};
  let sandboxCalls: Record<string, number> = {};
  let auditTargets = 0;
  for (let i = 0; i < c.runs; i++) {
    counter.reset();
    await c.sandbox.resetCalls();
    const started = performance.now();
    auditTargets = await runAudit(c.settings, c.regions, counter.listener);
    runsMs.push(performance.now() - started);
    calls = counter.snapshot();
    sandboxCalls = await c.sandbox.calls();
  }
  const auditPeakRssBytes = peakRss(process.pid);
  const auditMedianMs = median(runsMs);
  const bound = lowerBound(truth, c.latencyMs);
  c.log(
    `    audit median ${Math.round(auditMedianMs)} ms of [${runsMs.map(Math.round).join(", ")}], lower bound ${bound.ms} ms`,
  );

  const result: SizeResult = {
    clusters,
    regions: truth.map(shapeOf),
    expectedTargets,
    auditTargets,
    auditRunsMs: runsMs,
    auditMedianMs,
    calls,
    callsTotal: sum(calls),
    sandboxCallsTotal: sum(sandboxCalls),
    lowerBound: bound,
    ratio: auditMedianMs / bound.ms,
    auditPeakRssBytes,
    peer: c.peer ? undefined : { skipped: c.peerSkipped ?? "skipped" },
  };
  if (c.peer) {
    await c.sandbox.resetCalls();
    const peer = await runPeer(c.peer, c.sandbox.url, c.regions);
    const peerCalls = sum(await c.sandbox.calls());
    const readClusters = peer.regions.reduce((n, r) => n + r.cc, 0);
    result.peer = { ms: peer.ms, calls: peerCalls, ratio: peer.ms / auditMedianMs, readClusters };
    c.log(`    peer CLI ${Math.round(peer.ms)} ms, ${peerCalls} calls, read ${readClusters} cache clusters`);
  }
  return { result, truth };
}

/** The counts only: the id list would bloat the JSON with thousands of names. */
function shapeOf(t: RegionTruth): SizeResult["regions"][number] {
  const {
    region,
    replicationGroups,
    cacheClusters,
    serverlessCaches,
    subnetGroups,
    vpcs,
    attachedGroupPolicyPages,
    securityGroupIds,
    targets,
  } = t;
  return {
    region,
    replicationGroups,
    cacheClusters,
    serverlessCaches,
    subnetGroups,
    vpcs,
    attachedGroupPolicyPages,
    securityGroupIds,
    targets,
  };
}

function sum(calls: Record<string, number>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}
