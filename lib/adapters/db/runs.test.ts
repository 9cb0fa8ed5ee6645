import { describe, expect, it } from "vitest";
import { interruptStaleRuns, updateRun } from "./run-updates";
import { findRun, insertRun, lastAttachedParameterGroup, listRuns } from "./runs";
import type { Plan } from "@/lib/core/plan";
import { sampleRun } from "./test-fixtures";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);

describe.each(BACKENDS)("apply runs (%s)", (backend) => {
  it("reads back exactly what was stored, steps and created resources included; lists newest first", async () => {
    const { db } = await dbs.open(backend);
    const run = sampleRun("20260115t120000-aaaaaa", {
      created: [
        {
          type: "cache-parameter-group",
          region: "us-east-1",
          name: "bullmq-redis7",
          family: "redis7",
          createdAt: "2026-01-15T12:00:01.000Z",
        },
      ],
    });
    await insertRun(db, run);
    await insertRun(db, sampleRun("20260115t130000-bbbbbb", { startedAt: "2026-01-15T13:00:00.000Z" }));
    expect(await findRun(db, run.id)).toEqual(run);
    expect(await findRun(db, "nope")).toBeUndefined();
    expect((await listRuns(db)).map((r) => r.id)).toEqual(["20260115t130000-bbbbbb", run.id]);
    expect((await listRuns(db, { limit: 1 })).map((r) => r.id)).toEqual(["20260115t130000-bbbbbb"]);
  });

  it("names the group the target's newest succeeded apply attached, skipping failures, reverts and others", async () => {
    const { db } = await dbs.open(backend);
    const ref = {
      accountId: "123456789012",
      region: "us-east-1",
      kind: "replication-group",
      id: "orders-redis7",
    } as const;
    const attaching = (name: string, extra: Partial<Plan> = {}) =>
      ({ ...sampleRun("x").plan, choices: { parameterGroup: { mode: "create", name } }, ...extra }) as Plan;
    expect(await lastAttachedParameterGroup(db, ref)).toBeUndefined();
    const at = (h: number) => `2026-01-15T${String(h).padStart(2, "0")}:00:00.000Z`;
    await insertRun(
      db,
      sampleRun("g-old", {
        status: "succeeded",
        startedAt: at(10),
        plan: attaching("bullmq-redis7-noeviction"),
      }),
    );
    await insertRun(
      db,
      sampleRun("g-new", { status: "succeeded", startedAt: at(11), plan: attaching("orders-noeviction") }),
    );
    await insertRun(
      db,
      sampleRun("g-failed", { status: "failed", startedAt: at(12), plan: attaching("never-attached") }),
    );
    const revert = attaching("orders-noeviction", { revert: { runId: "g-new" } } as Partial<Plan>);
    await insertRun(db, sampleRun("g-revert", { status: "succeeded", startedAt: at(13), plan: revert }));
    await insertRun(
      db,
      sampleRun("g-other", {
        status: "succeeded",
        startedAt: at(14),
        target: { ...ref, id: "busy-redis7" },
        plan: attaching("busy-group"),
      }),
    );
    expect(await lastAttachedParameterGroup(db, ref)).toBe("orders-noeviction");
  });

  it("serialises concurrent updates on one run: none is lost", async () => {
    const { db } = await dbs.open(backend);
    await insertRun(db, sampleRun("r-concurrent"));
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        updateRun(db, "r-concurrent", (r) => {
          r.created.push({
            type: "ingress-rule",
            region: "us-east-1",
            groupId: "sg-1",
            ruleIds: [`sgr-${i}`],
            description: "QueueReady",
            createdAt: "2026-01-15T12:00:02.000Z",
          });
          r.message = `update ${i}`;
        }),
      ),
    );
    const run = (await findRun(db, "r-concurrent"))!;
    expect(run.created).toHaveLength(12);
    expect(new Set(run.created.map((c) => (c.type === "ingress-rule" ? c.ruleIds[0] : "")))).toHaveProperty(
      "size",
      12,
    );
    expect(Date.parse(run.heartbeatAt)).toBeGreaterThan(Date.parse(run.startedAt));
  });

  it("records step progress and a removal mark without touching the heartbeat when asked", async () => {
    const { db } = await dbs.open(backend);
    await insertRun(db, sampleRun("r-steps"));
    await updateRun(db, "r-steps", (r) => Object.assign(r.steps[0]!, { status: "done", message: "Created" }));
    const untouched = await updateRun(db, "r-steps", (r) => (r.message = "x"), { touch: false });
    const run = (await findRun(db, "r-steps"))!;
    expect(run.steps.map((s) => s.status)).toEqual(["done", "pending"]);
    expect(run.steps[0]!.message).toBe("Created");
    expect(untouched!.heartbeatAt).toBe(run.heartbeatAt);
    await expect(updateRun(db, "missing", () => undefined)).rejects.toThrow("not in the database");
  });

  it("marks a run whose heartbeat stopped as interrupted exactly once, however many replicas look", async () => {
    const { db } = await dbs.open(backend);
    const beat = "2026-01-15T12:00:10.000Z";
    await insertRun(
      db,
      sampleRun("r-dead", {
        heartbeatAt: beat,
        steps: sampleRun("x").steps.map((s, i) => ({ ...s, status: i === 0 ? "done" : "running" })),
      }),
    );
    await insertRun(db, sampleRun("r-alive", { heartbeatAt: "2026-01-15T12:00:30.000Z" }));
    const staleBefore = new Date("2026-01-15T12:00:20.000Z");
    const marks = await Promise.all(Array.from({ length: 5 }, () => interruptStaleRuns(db, staleBefore)));
    expect(marks.flat()).toEqual(["r-dead"]);
    const dead = (await findRun(db, "r-dead"))!;
    expect(dead).toMatchObject({
      status: "interrupted",
      phase: "finished",
      finishedAt: beat,
      heartbeatAt: beat,
    });
    expect(dead.outcome).toEqual({ done: ["Create group"], notDone: ["Set noeviction"] });
    expect(dead.message).toContain("The server stopped while this apply was running");
    expect((await findRun(db, "r-alive"))!.status).toBe("running");
  });
});
