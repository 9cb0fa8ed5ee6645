import { describe, expect, it } from "vitest";
import { listCacheParameters } from "@/lib/adapters/aws/elasticache/reads";
import { modifyCacheParameterGroup } from "@/lib/adapters/aws/elasticache/writes";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { applyOptionsPerFile, wizardChoices } from "@/tools/testing/apply-helpers";
import { previewPlan } from "./preview";
import { startApply } from "./start-apply";

const h = sandboxPerFile({ applyDelayMs: 100 });
const operator = { name: "operator", role: "operator" };
const opts = applyOptionsPerFile(h);

const userValues = async (name: string) =>
  Object.fromEntries(
    (await listCacheParameters(h.context().ctx, name, { source: "user" })).map((p) => [p.name, p.value]),
  );

describe("replacing a custom group keeps the user's settings (issue 9 item 1, the repro)", () => {
  it("sessions-redis62 on shared-lru-redis6 with timeout=300, notify-keyspace-events=Ex and 20 more: all carried, 20 per call", async () => {
    const { ctx, access } = h.context();
    // 20 more immediate values, each set to what it holds now (valid by construction), so 22 in all.
    const more = (await listCacheParameters(ctx, "shared-lru-redis6"))
      .filter((p) => p.isModifiable && p.changeType === "immediate" && p.value && p.source !== "user")
      .filter((p) => !["timeout", "notify-keyspace-events", "cluster-enabled"].includes(p.name))
      .slice(0, 20)
      .map((p) => ({ name: p.name, value: p.value! }));
    expect(more).toHaveLength(20);
    await modifyCacheParameterGroup(ctx, "shared-lru-redis6", [
      { name: "timeout", value: "300" },
      { name: "notify-keyspace-events", value: "Ex" },
      ...more,
    ]);
    // The edit puts the group's clusters in "applying" for the sandbox's 100 ms: let it settle, or a preview
    // read inside that window and an apply re-read after it see different facts and the apply is refused.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const before = await userValues("shared-lru-redis6");
    const target = { region: "us-east-1", kind: "replication-group", id: "sessions-redis62" } as const;
    const choices = await wizardChoices(access, target);
    const preview = await previewPlan({ ...opts, choices, user: operator });
    if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
    const step = preview.plan.steps.find((s) => s.kind === "modify-parameter-group")!;
    const shown = step.changes.map((c) => `${c.attribute}: ${c.before} -> ${c.after}`);
    expect(shown).toHaveLength(23);
    expect(shown).toContain("maxmemory-policy: volatile-lru -> noeviction");
    expect(shown).toContain("timeout: family default -> 300");
    expect(shown).toContain("notify-keyspace-events: family default -> Ex");
    h.sandbox.control.resetCalls();
    const run = await (
      await startApply({ ownerGuard: "off", ...opts, user: operator, previewId: preview.previewId })
    ).finished;
    expect(run.status, run.message + JSON.stringify(run.steps)).toBe("succeeded");
    expect(run.readiness?.verdict).toBe("ready");
    const after = await userValues(choices.parameterGroup.name);
    const { "maxmemory-policy": policy, ...carried } = after;
    const wanted = Object.fromEntries(Object.entries(before).filter(([name]) => name !== "maxmemory-policy"));
    expect(policy).toBe("noeviction");
    expect(carried).toEqual(wanted);
    expect(carried).toMatchObject({ timeout: "300", "notify-keyspace-events": "Ex" });
    expect(h.sandbox.control.calls()["elasticache:ModifyCacheParameterGroup"]).toBe(2);
  });
});
