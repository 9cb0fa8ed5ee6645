import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { RequestListener } from "@/lib/adapters/aws/context";
import { auditRegions } from "@/lib/services/audit/audit-regions";

/** Counts AWS requests by `service:Operation`. One listener for every run, so lib/adapters/aws reuses its clients. */
export interface RequestCounter {
  listener: RequestListener;
  reset(): void;
  snapshot(): Record<string, number>;
}

export function requestCounter(): RequestCounter {
  let counts: Record<string, number> = {};
  return {
    listener: ({ service, operation }) => {
      const key = `${service}:${operation}`;
      counts[key] = (counts[key] ?? 0) + 1;
    },
    reset: () => void (counts = {}),
    snapshot: () => ({ ...counts }),
  };
}

/**
 * One complete audit of `regions` through the same server-side function the status page calls, and
 * the number of rows it produced. A region whose reads failed still counts its rows; the failure
 * shows as missing rows against the ground truth, which the report flags.
 */
export async function runAudit(
  settings: AwsSettings,
  regions: string[],
  onRequest: RequestListener,
): Promise<number> {
  const audits = await auditRegions(settings, regions, { onRequest });
  const problems = audits.flatMap((a) => a.problems);
  if (problems.length > 0) {
    throw new Error(
      `the audit reported AWS problems, figures would be meaningless: ${problems.map((p) => p.message).join(" | ")}`,
    );
  }
  return audits.reduce((n, a) => n + a.clusters.length, 0);
}
