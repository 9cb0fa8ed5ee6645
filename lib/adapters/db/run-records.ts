/**
 * Apply runs as the database keeps them: what was planned, each step's outcome as it happened, the wait for
 * the cluster to converge, and the readiness verdict at the end. The progress page and the history read these.
 */
import type { NodeTargetRef } from "@/lib/core/identity/identity";
import type { Plan, StepKind } from "@/lib/core/plan";

export interface ApplyUser {
  name: string;
  /** `viewer` | `operator`: only operators apply. */
  role: string;
}

export type StepStatus = "pending" | "running" | "done" | "skipped" | "failed";

export interface StepRecord {
  id: StepKind;
  title: string;
  operation: string;
  status: StepStatus;
  /** Why skipped, what AWS answered, or why it failed, in words. */
  message?: string;
  startedAt?: string;
  finishedAt?: string;
}

/** Something QueueReady created, kept so the history can offer to remove it once nothing uses it. */
export type CreatedResource =
  | {
      type: "security-group";
      region: string;
      groupId: string;
      name: string;
      vpcId: string;
      createdAt: string;
      removedAt?: string;
      removedBy?: string;
    }
  | {
      type: "ingress-rule";
      region: string;
      groupId: string;
      ruleIds: string[];
      description: string;
      createdAt: string;
      removedAt?: string;
      removedBy?: string;
    }
  | ParameterGroupRecord<"cache-parameter-group">
  /** A MemoryDB parameter group: MemoryDB's own API creates and deletes it. */
  | ParameterGroupRecord<"memorydb-parameter-group">
  | {
      /** A memory alarm the run put where none of that name existed (never a hand-made one it replaced). */
      type: "metric-alarm";
      region: string;
      name: string;
      createdAt: string;
      removedAt?: string;
      removedBy?: string;
    };

interface ParameterGroupRecord<T extends string> {
  type: T;
  region: string;
  name: string;
  family: string;
  createdAt: string;
  removedAt?: string;
  removedBy?: string;
}

export type RunStatus = "running" | "succeeded" | "failed" | "timed-out" | "interrupted";

export interface ApplyRun {
  id: string;
  region: string;
  target: NodeTargetRef;
  user: ApplyUser;
  /** Where the apply was started: the wizard in a browser, or `npm run apply` (absent on older runs: browser). */
  origin?: "browser" | "cli";
  startedAt: string;
  /** Moved on by the running apply; a running run whose heartbeat stops is shown as interrupted. */
  heartbeatAt: string;
  finishedAt?: string;
  status: RunStatus;
  phase: "executing" | "converging" | "auditing" | "finished";
  /** The latest line for the progress page (e.g. "Waiting for orders-redis7-002: applying"). */
  message: string;
  plan: Plan;
  steps: StepRecord[];
  convergence?: { polls: number; since: string; last: string };
  created: CreatedResource[];
  /** Filled at the end from lib/core/readiness for the target. */
  readiness?: {
    verdict: string;
    findings: { ruleId: string; severity: string; title: string }[];
    snippet?: string;
  };
  /** On failure or timeout: exactly what was done and what was not. */
  outcome?: { done: string[]; notDone: string[] };
  /** Set when the plan changed what a CloudFormation stack or Terraform owns: why it was applied anyway. */
  ownerOverride?: OwnerOverride;
}

/** The operator's reason to change owned resources outside their owner, and what they were. */
export interface OwnerOverride {
  reason: string;
  /** One line per owned resource the plan wrote ("… is owned by CloudFormation stack orders-cache …"). */
  owned: string[];
}
