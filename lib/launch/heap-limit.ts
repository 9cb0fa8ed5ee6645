/**
 * The server's JavaScript heap ceiling. Without one, V8 sizes the heap from the machine's memory and, after
 * bursts of concurrent page loads, keeps what it grew to: the red team saw 229 MB become a 1.3 GB
 * plateau. A ceiling makes the collector reclaim sooner, so a replica's memory stays near what it needs.
 * QUEUEREADY_MAX_HEAP_MB sets it (default 512); a --max-old-space-size already in NODE_OPTIONS wins.
 */
import { z } from "zod";

export const DEFAULT_MAX_HEAP_MB = 512;

const heapSchema = z.coerce
  .number({ error: "QUEUEREADY_MAX_HEAP_MB must be a number of megabytes." })
  .int("QUEUEREADY_MAX_HEAP_MB must be a whole number of megabytes.")
  .min(128, "QUEUEREADY_MAX_HEAP_MB must be at least 128.")
  .max(65_536, "QUEUEREADY_MAX_HEAP_MB must be at most 65536.");

/** NODE_OPTIONS for the server process; throws naming the variable when it is malformed. */
export function serverNodeOptions(env: Record<string, string | undefined>): string {
  const current = env.NODE_OPTIONS?.trim() ?? "";
  if (/--max-old-space-size/.test(current)) return current;
  const raw = env.QUEUEREADY_MAX_HEAP_MB?.trim();
  const parsed = heapSchema.safeParse(raw || DEFAULT_MAX_HEAP_MB);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return [current, `--max-old-space-size=${parsed.data}`].filter(Boolean).join(" ");
}
