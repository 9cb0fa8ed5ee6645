/**
 * The plan of a MemoryDB cluster: the live checks (validate-memorydb.ts), then the steps (steps-memorydb.ts)
 * in order, the ingress fix first when one is needed, and the facts the plan depends on.
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import type { WizardChoices } from "./choices";
import { memoryDbFacts } from "./fingerprint-memorydb";
import { authorizeIngressStep, createSecurityGroupStep } from "./steps-network";
import { createGroupStep, NOEVICTION, updateClusterStep, updateGroupStep } from "./steps-memorydb";
import type { FieldErrors, FingerprintFact, PlanStep } from "./types";
import { validateNetworkOf } from "./validate-network";
import {
  checkMemoryDbGroup,
  memoryDbCarryOver,
  resolveMemoryDb,
  type MemoryDbTarget,
} from "./validate-memorydb";

export interface MemoryDbPlanParts {
  target: MemoryDbTarget;
  steps: PlanStep[];
  facts: FingerprintFact[];
  warnings: string[];
  blockers: string[];
}

export function memoryDbPlan(
  snapshot: Snapshot,
  choices: WizardChoices,
): { ok: true; value: MemoryDbPlanParts } | { ok: false; fieldErrors: FieldErrors } {
  const target = resolveMemoryDb(snapshot, choices.target);
  if (!target.ok) return target;
  const t = target.value;
  const network = validateNetworkOf(snapshot, t, choices.target, choices.network, choices.resume);
  const pg = checkMemoryDbGroup(snapshot, t, choices.parameterGroup, choices.resume);
  if (!network.ok || !pg.ok)
    return {
      ok: false,
      fieldErrors: Object.fromEntries([
        ...Object.entries(network.ok ? {} : network.fieldErrors).map(([k, v]) => [`network.${k}`, v]),
        ...Object.entries(pg.ok ? {} : pg.fieldErrors).map(([k, v]) => [`parameterGroup.${k}`, v]),
      ]),
    };
  const blockers: string[] = [];
  // A resumed run may have attached its group already: its values were carried when it was filled.
  const carry =
    pg.value.mode === "create" && t.parameterGroupName !== pg.value.name
      ? memoryDbCarryOver(snapshot, t, [NOEVICTION.name])
      : undefined;
  if (carry && !carry.ok) blockers.push(carry.message);
  const carried = carry?.ok ? carry.value : undefined;
  const steps: PlanStep[] = [];
  const sg = createSecurityGroupStep(t, network.value);
  if (sg) steps.push(sg);
  if (t.port !== undefined) steps.push(authorizeIngressStep(snapshot, t, network.value));
  if (pg.value.mode === "create") steps.push(createGroupStep(t, pg.value));
  steps.push(updateGroupStep(snapshot, t, pg.value, carried));
  steps.push(updateClusterStep(snapshot, t, pg.value, network.value, [...steps]));
  const carryFact = !carry
    ? "none"
    : carry.ok
      ? carry.value.parameters.map((p) => `${p.name}=${p.value}`).join(", ") || "none"
      : "unknown";
  const busy = t.memorydb.status !== "available";
  if (busy && steps.some((s) => s.action !== "no-op"))
    blockers.push(
      `${t.ref.id} is ${t.memorydb.status}: AWS refuses changes until it is available. Preview again once it is.`,
    );
  return {
    ok: true,
    value: {
      target: t,
      steps,
      facts: memoryDbFacts(snapshot, t, pg.value, network.value, carryFact),
      warnings: [...target.warnings, ...network.warnings, ...pg.warnings],
      blockers,
    },
  };
}
