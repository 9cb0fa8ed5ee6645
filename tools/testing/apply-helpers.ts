/**
 * Support for the apply integration tests: the options they run applies with, the wizard's own
 * recommendations read from the live sandbox, and a check that live state is exactly what a plan's "after" said.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { listCacheParameters } from "@/lib/adapters/aws/elasticache/reads";
import { listSecurityGroupRules } from "@/lib/adapters/aws/ec2/reads";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { refOf } from "@/lib/core/identity/identity";
import { readTarget } from "@/lib/services/apply/plan-live";
import type { ScopeAccess } from "@/lib/services/estate/scope-access";
import { readTargetState } from "@/lib/services/apply/target-state";
import type { ApplyOptions } from "../../lib/services/apply/types";
import type { Database } from "@/lib/adapters/db";
import type { Harness } from "./int-harness";
import { memoryDatabase } from "./test-db";
import {
  desiredSource,
  sameSource,
  suggestions,
  type Plan,
  type TargetChoice,
  type WizardChoices,
} from "@/lib/core/plan";

/**
 * The options a file's applies run with: its sandbox, a database of its own, and polls fast enough for a
 * sandbox whose changes take a fraction of a second. Filled in before the file's tests (use it inside them).
 */
export function applyOptionsPerFile(h: Harness): ApplyOptions {
  let database: Database | undefined;
  const opts = { pollInitialMs: 50, pollMaxMs: 200, timeLimitMs: 15_000 } as ApplyOptions;
  beforeAll(async () => {
    database = await memoryDatabase();
    Object.assign(opts, { settings: h.settings, db: database.db });
  }, 120_000);
  afterAll(() => database?.close());
  return opts;
}

/** What the wizard pre-fills, from live state: the "through the wizard alone" path. */
export async function wizardChoices(
  access: ScopeAccess,
  target: TargetChoice,
  override: Partial<WizardChoices> = {},
): Promise<WizardChoices> {
  const snapshot = await readTarget(access, target, [], { reuseCandidates: true });
  const s = suggestions(snapshot, target);
  if (!s.ok) throw new Error(s.message);
  const network = override.network ?? s.value.network.recommended;
  if (!network) throw new Error(`No network recommendation for ${target.id}`);
  return { target, network, parameterGroup: override.parameterGroup ?? s.value.parameterGroup.recommended };
}

/** Asserts each step's "after" against live state: attachments, parameter values, the inbound rule. */
export async function expectLiveMatchesPlan(ctx: AwsContext, plan: Plan, newGroupId?: string): Promise<void> {
  const state = await readTargetState(ctx, refOf(plan.target));
  expect(state.status).toBe("available");
  for (const step of plan.steps) {
    if (step.kind === "modify-parameter-group") {
      const params = await listCacheParameters(ctx, step.input.name);
      for (const c of step.changes) expect(params.find((p) => p.name === c.attribute)?.value).toBe(c.after);
    }
    if (step.kind === "modify-replication-group" || step.kind === "modify-cache-cluster") {
      for (const c of step.changes) {
        for (const m of state.members) {
          if (c.attribute === "CacheParameterGroupName")
            expect(m.parameterGroup).toEqual({ name: c.after, applyStatus: "in-sync", nodeIdsToReboot: [] });
          if (c.attribute === "SecurityGroupIds") {
            // The list sent (the "after" column names the groups for a person: name and id).
            const expected = (step.input.securityGroupIds ?? []).map((id) =>
              typeof id === "string" ? id : newGroupId,
            );
            expect(expected.length).toBeGreaterThan(0);
            expect(m.securityGroups).toEqual(expected.map((id) => ({ id, status: "active" })));
          }
        }
      }
    }
    if (step.kind === "authorize-ingress") {
      const groupId = typeof step.input.groupId === "string" ? step.input.groupId : newGroupId!;
      const rules = await listSecurityGroupRules(ctx, [groupId]);
      const source = desiredSource(plan.choices.network.source)!;
      const port = plan.target.port!;
      expect(
        rules.filter((r) => sameSource(r.source, source) && r.fromPort === port && r.toPort === port),
      ).toHaveLength(1);
    }
  }
}
