/**
 * Marker/MaxRecords paging as ElastiCache does it (20..100, default 100), and the EC2 flavour
 * (NextToken/MaxResults 5..1000). Tokens are opaque to clients; a forged one is rejected.
 */
import { invalidValue, SandboxError } from "@/tools/sandbox/errors";

export interface Page<T> {
  items: T[];
  /** The token for the next page, absent on the last one. */
  next?: string;
}

const encode = (offset: number, scope: string): string =>
  Buffer.from(JSON.stringify({ o: offset, s: scope })).toString("base64url");

function decode(token: string, scope: string, name: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
      o?: unknown;
      s?: unknown;
    };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === scope)
      return parsed.o;
  } catch {
    // fall through to the AWS-style refusal below
  }
  throw invalidValue(`Invalid ${name}: ${token}`);
}

function slice<T>(items: T[], offset: number, size: number, scope: string): Page<T> {
  const end = offset + size;
  return { items: items.slice(offset, end), next: end < items.length ? encode(end, scope) : undefined };
}

/** ElastiCache paging; `scope` ties a marker to the call (and filter) that issued it. */
export function pageByMarker<T>(
  items: T[],
  maxRecords: number | undefined,
  marker: string | undefined,
  scope: string,
): Page<T> {
  const size = maxRecords ?? 100;
  if (size < 20 || size > 100) {
    throw invalidValue(`The parameter MaxRecords must be between 20 and 100 (it was ${size}).`);
  }
  return slice(items, marker ? decode(marker, scope, "Marker") : 0, size, scope);
}

/** EC2 / serverless paging with NextToken; without MaxResults everything is returned at once. */
export function pageByToken<T>(
  items: T[],
  maxResults: number | undefined,
  token: string | undefined,
  scope: string,
  bounds: [number, number] = [5, 1000],
): Page<T> {
  if (maxResults !== undefined && (maxResults < bounds[0] || maxResults > bounds[1])) {
    throw new SandboxError(
      "InvalidParameterValue",
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${bounds[0]} and ${bounds[1]}.`,
      400,
    );
  }
  const offset = token ? decode(token, scope, "NextToken") : 0;
  return slice(items, offset, maxResults ?? Number.MAX_SAFE_INTEGER, scope);
}
