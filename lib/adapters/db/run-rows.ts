/** Rows of a run and back: the mapping between the ApplyRun the app uses and the tables that store it. */
import type { ApplyRun, CreatedResource, StepRecord } from "./run-records";
import { applyRuns, applySteps, createdResources } from "./schema";

export type RunRow = typeof applyRuns.$inferSelect;
export type StepRow = typeof applySteps.$inferSelect;
export type CreatedRow = typeof createdResources.$inferSelect;

const iso = (d: Date | null | undefined) => d?.toISOString();
const date = (s: string | undefined) => (s ? new Date(s) : null);
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

export function runRow(run: ApplyRun): RunRow {
  return {
    id: run.id,
    accountId: run.target.accountId,
    region: run.region,
    kind: run.target.kind,
    targetId: run.target.id,
    userName: run.user.name,
    userRole: run.user.role,
    origin: run.origin ?? null,
    status: run.status,
    phase: run.phase,
    message: run.message,
    startedAt: new Date(run.startedAt),
    heartbeatAt: new Date(run.heartbeatAt),
    finishedAt: date(run.finishedAt),
    plan: run.plan,
    convergence: run.convergence ?? null,
    readiness: run.readiness ?? null,
    outcome: run.outcome ?? null,
    ownerOverride: run.ownerOverride ?? null,
  };
}

export const stepRow = (runId: string, position: number, s: StepRecord): StepRow => ({
  runId,
  position,
  stepId: s.id,
  title: s.title,
  operation: s.operation,
  status: s.status,
  message: s.message ?? null,
  startedAt: date(s.startedAt),
  finishedAt: date(s.finishedAt),
});

export function createdRow(runId: string, position: number, c: CreatedResource): CreatedRow {
  const { removedAt, removedBy, ...resource } = c;
  return {
    runId,
    position,
    type: c.type,
    region: c.region,
    resource: resource as CreatedResource,
    createdAt: new Date(c.createdAt),
    removedAt: date(removedAt),
    removedBy: removedBy ?? null,
  };
}

export function toRun(r: RunRow, steps: StepRow[], created: CreatedRow[]): ApplyRun {
  return defined({
    id: r.id,
    region: r.region,
    target: {
      accountId: r.accountId,
      region: r.region,
      kind: r.kind as ApplyRun["target"]["kind"],
      id: r.targetId,
    },
    user: { name: r.userName, role: r.userRole },
    origin: r.origin ?? undefined,
    startedAt: r.startedAt.toISOString(),
    heartbeatAt: r.heartbeatAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    status: r.status,
    phase: r.phase,
    message: r.message,
    plan: r.plan,
    steps: steps
      .sort((a, b) => a.position - b.position)
      .map((s) =>
        defined({
          id: s.stepId as StepRecord["id"],
          title: s.title,
          operation: s.operation,
          status: s.status,
          message: s.message ?? undefined,
          startedAt: iso(s.startedAt),
          finishedAt: iso(s.finishedAt),
        }),
      ),
    convergence: r.convergence ?? undefined,
    created: created
      .sort((a, b) => a.position - b.position)
      .map((c) =>
        defined({ ...c.resource, removedAt: iso(c.removedAt), removedBy: c.removedBy ?? undefined }),
      ),
    readiness: r.readiness ?? undefined,
    outcome: r.outcome ?? undefined,
    ownerOverride: r.ownerOverride ?? undefined,
  });
}
