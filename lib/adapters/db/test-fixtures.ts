/** A stored-shape apply run for the repository tests (the plan is opaque JSON to the database). */
import type { ApplyRun } from "./run-records";
import type { Plan } from "@/lib/core/plan";

export function sampleRun(id: string, overrides: Partial<ApplyRun> = {}): ApplyRun {
  const startedAt = "2026-01-15T12:00:00.000Z";
  return {
    id,
    region: "us-east-1",
    target: {
      accountId: "123456789012",
      region: "us-east-1",
      kind: "replication-group",
      id: "orders-redis7",
    },
    user: { name: "operator", role: "operator" },
    startedAt,
    heartbeatAt: startedAt,
    status: "running",
    phase: "executing",
    message: "Starting",
    plan: {
      region: "us-east-1",
      target: {
        accountId: "123456789012",
        region: "us-east-1",
        kind: "replication-group",
        id: "orders-redis7",
      },
      summaryLine: "1 to create",
    } as unknown as Plan,
    steps: [
      {
        id: "create-parameter-group",
        title: "Create group",
        operation: "CreateCacheParameterGroup",
        status: "pending",
      },
      {
        id: "modify-parameter-group",
        title: "Set noeviction",
        operation: "ModifyCacheParameterGroup",
        status: "pending",
      },
    ],
    created: [],
    ...overrides,
  } as ApplyRun;
}
