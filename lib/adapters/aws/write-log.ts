/**
 * The AWS request id of every write, so the audit trail can be matched with CloudTrail. A caller that
 * wants them asks for a logging copy of its context; writes made through that copy (writeAws in call.ts)
 * are noted, failed ones too (CloudTrail records those as well).
 */
import { deriveContext, type AwsContext } from "./context";
import type { AwsService } from "./errors";

export interface WriteRecord {
  service: AwsService;
  operation: string;
  /** As AWS answered it; "unknown" when the answer carried none (never with real AWS). */
  requestId: string;
  failed?: true;
}

const logs = new WeakMap<AwsContext, WriteRecord[]>();

/** A context with the same clients whose writes are appended to `writes`, in the order they were sent. */
export function withWriteLog(ctx: AwsContext): { ctx: AwsContext; writes: WriteRecord[] } {
  const logged = deriveContext(ctx);
  const writes: WriteRecord[] = [];
  logs.set(logged, writes);
  return { ctx: logged, writes };
}

export function noteWrite(ctx: AwsContext, record: WriteRecord): void {
  logs.get(ctx)?.push(record);
}

/** The request id the SDK read from an answer or an error (`$metadata.requestId`). */
export function requestIdOf(value: unknown): string | undefined {
  const meta = (value as { $metadata?: { requestId?: unknown } } | null | undefined)?.$metadata;
  return typeof meta?.requestId === "string" && meta.requestId ? meta.requestId : undefined;
}
