/**
 * Turning AWS reads into `ReadResult`s, and running many of them with a ceiling. A failed read becomes a
 * problem the audit can show and the rest of the region goes on; anything that is not an AwsError is a bug
 * and is rethrown rather than dressed up as an AWS problem.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import type { ReadResult } from "@/lib/core/model/snapshot";

export async function settle<T>(read: Promise<T>): Promise<ReadResult<T>> {
  try {
    return { ok: true, value: await read };
  } catch (err) {
    if (err instanceof AwsError) return { ok: false, problem: err.problem };
    throw err;
  }
}

/** Runs tasks as they are submitted, at most `limit` at once; the rest wait in submission order. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function limiter(limit: number): Limiter {
  const max = Math.max(1, limit);
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next waiter, so a newcomer can never slip in
    // between and push the count past the limit.
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
