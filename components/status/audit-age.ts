/** "Audited 3 min ago, took 2.4 s": how old the stored audit is, in words a person reads at a glance. */
export function ageWords(then: Date, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

export function durationWords(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "";
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function auditAgeText(run: { finishedAt: Date | null; durationMs: number | null }, now: Date): string {
  if (!run.finishedAt) return "Audit running";
  const took = durationWords(run.durationMs);
  return `Audited ${ageWords(run.finishedAt, now)}${took ? `, took ${took}` : ""}`;
}
