/** A stable key naming one undo candidate in a form, so the server can find it again among the live ones. */
import type { UndoCandidate } from "@/lib/services/apply/undo";

export function candidateKey(
  c: Pick<UndoCandidate, "type" | "region" | "runId"> & {
    name?: string;
    groupId?: string;
    ruleIds?: string[];
  },
): string {
  if (c.type === "cache-parameter-group") return `${c.runId}|${c.region}|pg|${c.name}`;
  if (c.type === "memorydb-parameter-group") return `${c.runId}|${c.region}|mdbpg|${c.name}`;
  if (c.type === "security-group") return `${c.runId}|${c.region}|sg|${c.groupId}`;
  if (c.type === "metric-alarm") return `${c.runId}|${c.region}|alarm|${c.name}`;
  return `${c.runId}|${c.region}|rule|${c.groupId}|${[...(c.ruleIds ?? [])].sort().join(",")}`;
}

/**
 * One entry per AWS resource: two runs can name the same one (a group removed outside QueueReady and
 * created again by a later run). Candidates arrive newest run first; the newest one is kept.
 */
export function uniqueCandidates<
  T extends Pick<UndoCandidate, "type" | "region" | "runId"> & {
    name?: string;
    groupId?: string;
    ruleIds?: string[];
  },
>(candidates: T[]): T[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const resource = candidateKey({ ...c, runId: "" });
    if (seen.has(resource)) return false;
    seen.add(resource);
    return true;
  });
}
