/**
 * Turning AWS reads into `ReadResult`s, and running many of them with a ceiling. A failed read becomes a
 * problem the audit can show and the rest of the region goes on; anything that is not an AwsError is a bug
 * and is rethrown rather than dressed up as an AWS problem.
 */
import { AwsError } from "@/lib/aws";
import type { ReadResult } from "@/lib/inventory/snapshot";

export async function settle<T>(read: Promise<T>): Promise<ReadResult<T>> {
  try {
    return { ok: true, value: await read };
  } catch (err) {
    if (err instanceof AwsError) return { ok: false, problem: err.problem };
    throw err;
  }
}

/** Maps `items` through `fn` with at most `limit` in flight, keeping the input order in the result. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, lane));
  return results;
}
