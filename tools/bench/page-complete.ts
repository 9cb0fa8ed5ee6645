/**
 * Whether a streamed page arrived whole. React streams each Suspense boundary as a placeholder
 * (`<template id="B:n">`) and later its content with a `$RC("B:n", ...)` call that swaps it in; `$RX` means
 * the boundary failed on the server and is left to the browser. A complete page closes the document
 * (`</html>` is written only after every boundary), completes every boundary it opened, and shows targets
 * of the fleet under test (not a stale or empty audit).
 */
export interface PageCheck {
  complete: boolean;
  /** Why not, when not. */
  problem?: string;
  /** How many of the expected target ids appear as whole tokens. */
  idsFound: number;
}

/** At least this many ids must show (a paged table shows 50 rows; a smaller fleet shows all). */
export const MIN_ROWS_SHOWN = 50;

export function checkPage(html: string, expectedIds: readonly string[]): PageCheck {
  // Whole tokens only: "orders-1" must not count as found inside "orders-10".
  const tokens = new Set(html.split(/[^A-Za-z0-9-]+/));
  const idsFound = expectedIds.filter((id) => tokens.has(id)).length;
  const fail = (problem: string): PageCheck => ({ complete: false, problem, idsFound });
  if (!html.trimEnd().endsWith("</html>")) return fail("the document does not end with </html>");
  const opened = [...html.matchAll(/<template id="(B:[0-9a-z]+)"/g)].map((m) => m[1]!);
  const done = new Set([...html.matchAll(/\$RC\("(B:[0-9a-z]+)"/g)].map((m) => m[1]!));
  const pending = opened.filter((id) => !done.has(id));
  if (pending.length > 0) return fail(`${pending.length} streamed section(s) never completed`);
  if (/\$RX\("B:/.test(html)) return fail("a section failed on the server");
  const needed = Math.min(expectedIds.length, MIN_ROWS_SHOWN);
  if (idsFound < needed) return fail(`${idsFound} of the fleet's targets shown, at least ${needed} expected`);
  return { complete: true, idsFound };
}
