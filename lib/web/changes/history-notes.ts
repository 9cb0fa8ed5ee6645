/**
 * What the history says about a run besides its plan: that it resumed another run, that it changed what
 * another tool owns (and the operator's reason), and what QueueReady
 * removed of what it created (undo), by whom and when. Pure, so the history table only renders lines.
 */
import type { ApplyRun } from "@/lib/adapters/db/run-records";

const when = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

function resourceName(c: ApplyRun["created"][number]): string {
  if (c.type === "cache-parameter-group") return `parameter group ${c.name}`;
  if (c.type === "memorydb-parameter-group") return `MemoryDB parameter group ${c.name}`;
  if (c.type === "security-group") return `security group ${c.name} (${c.groupId})`;
  if (c.type === "metric-alarm") return `memory alarm ${c.name}`;
  return `rule ${c.ruleIds.join(", ")} in ${c.groupId}`;
}

export function historyNotes(run: Pick<ApplyRun, "plan" | "created" | "ownerOverride">): string[] {
  const notes: string[] = [];
  // Changed outside its owner: the owner's next deploy may undo it, so the history keeps why.
  if (run.ownerOverride)
    notes.push(
      `Applied despite its owner: "${run.ownerOverride.reason}" (${run.ownerOverride.owned.join(" ")})`,
    );
  const resumed = run.plan.choices.resume?.runId;
  if (resumed) notes.push(`Resumes run ${resumed}: what it created was taken up, nothing made twice.`);
  for (const c of run.created) {
    if (c.removedAt)
      notes.push(
        `Removed ${resourceName(c)}${c.removedBy ? ` by ${c.removedBy}` : ""} at ${when(c.removedAt)}.`,
      );
  }
  return notes;
}
