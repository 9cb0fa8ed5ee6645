/**
 * The one transport path: every SDK call and every paginated read goes through here, so every failure
 * leaves lib/adapters/aws as an AwsError naming the operation, service and region.
 */

import type { AwsClients, AwsContext } from "./context";
import { clientsOf } from "./context";
import { toAwsError, type AwsService } from "./errors";
import { noteWrite, requestIdOf } from "./write-log";

/** Runs one SDK call; any failure becomes an AwsError for `operation`. */
export async function callAws<T>(
  ctx: AwsContext,
  service: AwsService,
  operation: string,
  run: (clients: AwsClients) => Promise<T>,
): Promise<T> {
  try {
    return await run(clientsOf(ctx));
  } catch (err) {
    throw toAwsError(err, { service, operation, region: ctx.region });
  }
}

/** callAws for a call that changes something: its request id is noted on a logging context (write-log.ts). */
export async function writeAws<T>(
  ctx: AwsContext,
  service: AwsService,
  operation: string,
  run: (clients: AwsClients) => Promise<T>,
): Promise<T> {
  try {
    const out = await run(clientsOf(ctx));
    noteWrite(ctx, { service, operation, requestId: requestIdOf(out) ?? "unknown" });
    return out;
  } catch (err) {
    noteWrite(ctx, { service, operation, requestId: requestIdOf(err) ?? "unknown", failed: true });
    throw toAwsError(err, { service, operation, region: ctx.region });
  }
}

/**
 * Walks every page of an SDK paginator and concatenates what `pick` takes from each page.
 * A failure on any page fails the whole read: a partial list would look like a complete one.
 */
export async function collectPages<Page, Item>(
  ctx: AwsContext,
  service: AwsService,
  operation: string,
  pages: (clients: AwsClients) => AsyncIterable<Page>,
  pick: (page: Page) => Item[] | undefined,
): Promise<Item[]> {
  return callAws(ctx, service, operation, async (clients) => {
    const items: Item[] = [];
    for await (const page of pages(clients)) items.push(...(pick(page) ?? []));
    return items;
  });
}

/** Splits `items` into chunks of at most `size` (AWS caps filter values and parameters per call). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sends `items` at most `size` per call, in order, each chunk one write (`run` makes it). The calls are not
 * atomic: when a later chunk fails the earlier ones stay applied, and the AwsError names the operation.
 */
export async function writeInChunks<T>(
  ctx: AwsContext,
  service: AwsService,
  operation: string,
  items: readonly T[],
  size: number,
  run: (clients: AwsClients, batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (const batch of chunk(items, size))
    await writeAws(ctx, service, operation, (clients) => run(clients, batch));
}
