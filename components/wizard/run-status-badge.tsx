import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RunStatus } from "@/lib/adapters/db/run-records";

const TONE: Record<RunStatus, BadgeTone> = {
  running: "blue",
  succeeded: "green",
  failed: "red",
  "timed-out": "amber",
  interrupted: "amber",
};

/** An apply's status as the history table and the progress page both show it. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <Badge tone={TONE[status]} dot>
      {status}
    </Badge>
  );
}
