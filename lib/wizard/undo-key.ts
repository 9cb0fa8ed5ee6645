/** A stable key naming one undo candidate in a form, so the server can find it again among the live ones. */
import type { UndoCandidate } from "@/lib/apply";

export function candidateKey(c: Pick<UndoCandidate, "type" | "region" | "runId"> & { name?: string; groupId?: string; ruleIds?: string[] }): string {
  return c.type === "cache-parameter-group"
    ? `${c.runId}|${c.region}|pg|${c.name}`
    : `${c.runId}|${c.region}|rule|${c.groupId}|${[...(c.ruleIds ?? [])].sort().join(",")}`;
}
