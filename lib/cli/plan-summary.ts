/**
 * The plan as a person reads it in a terminal or a CI log, in Terraform's manner: one block per target,
 * `+` create, `~` change, `=` already in place, each attribute before → after with the step's effect and
 * timing, then the targets left out and why, and one total line.
 */
import type { Plan, PlanStep } from "@/lib/core/plan";
import type { NotPlanned } from "@/lib/core/plan-file";
import { flagOf } from "./plan-choices";
import type { Fleet } from "./plan-fleet";

const MARK: Record<PlanStep["action"], string> = { create: "+", change: "~", "no-op": "=" };
const show = (v: string | null) => (v === null ? "(none)" : v);

function renderStep(step: PlanStep): string[] {
  const lines = [`  ${MARK[step.action]} ${step.title}${step.securitySensitive ? "  [security]" : ""}`];
  if (step.action === "no-op") {
    lines.push(`      already in place: ${step.noopReason ?? "nothing to send"}`);
    return lines;
  }
  for (const c of step.changes) lines.push(`      ${c.attribute}: ${show(c.before)} → ${show(c.after)}`);
  if (step.touches.length > 0) lines.push(`      also changes: ${step.touches.join(", ")}`);
  const e = step.effect;
  lines.push(
    `      effect: ${e.when}, ${e.reboot ? "reboots" : "no reboot"}, ${e.downtime ? "downtime" : "no downtime"}. ${e.why}`,
  );
  return lines;
}

export function renderPlan(plan: Plan): string[] {
  const t = plan.target;
  return [
    `${t.kind} ${t.id} (account ${t.accountId}, ${t.region}, ${t.engine} ${t.engineVersion}${t.clusterEnabled ? ", cluster mode" : ""})`,
    ...plan.steps.flatMap(renderStep),
    ...plan.warnings.map((w) => `  ! ${w}`),
    `  ${plan.summaryLine}`,
    "",
  ];
}

const LEFT_OUT: Record<NotPlanned["status"], string> = {
  "up-to-date": "up to date",
  blocked: "blocked now",
  "not-fixable": "cannot be fixed",
};

export function renderFleet(fleet: Fleet): string {
  const lines = fleet.planned.flatMap(renderPlan);
  if (fleet.notPlanned.length > 0) {
    lines.push("Not planned:");
    for (const n of fleet.notPlanned)
      lines.push(`  - ${n.id} (${n.region}): ${LEFT_OUT[n.status]}. ${n.reason}`);
    lines.push("");
  }
  for (const i of fleet.invalid) {
    lines.push(`Invalid choices for ${i.id} (${i.region}):`);
    for (const [path, messages] of Object.entries(i.fieldErrors))
      for (const m of messages) lines.push(`  ${flagOf(path)}: ${m}`);
    lines.push("");
  }
  const sum = (k: "create" | "change") => fleet.planned.reduce((n, p) => n + p.summary[k], 0);
  const count = (s: NotPlanned["status"]) => fleet.notPlanned.filter((n) => n.status === s).length;
  const targets = fleet.planned.length;
  if (fleet.invalid.length > 0) {
    lines.push(
      `Plan failed: ${fleet.invalid.length} ${fleet.invalid.length === 1 ? "cluster has" : "clusters have"} invalid choices.`,
    );
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    targets === 0
      ? `Plan: nothing to change. ${count("up-to-date")} up to date, ${count("blocked")} blocked, ${count("not-fixable")} cannot be fixed.`
      : `Plan: ${targets} ${targets === 1 ? "cluster" : "clusters"} to change (${sum("create")} to create, ${sum("change")} to change); ${count("up-to-date")} up to date, ${count("blocked")} blocked, ${count("not-fixable")} cannot be fixed.`,
  );
  return `${lines.join("\n")}\n`;
}

/** What `plan --out` says once the file is written: how to apply it, or that there is nothing to apply. */
export function savedLine(out: string, planned: number): string {
  return planned > 0
    ? `Saved the plan to ${out}: apply it with \`npm run apply -- ${out}\`.\n`
    : `Saved the plan to ${out}: it changes nothing, so there is nothing to apply.\n`;
}
