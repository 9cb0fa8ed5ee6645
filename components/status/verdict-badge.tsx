import { Badge } from "@/components/ui/badge";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness/types";
import { verdictTone } from "./status-labels";

/** A verdict in colour and in words: the colour helps scanning, the words carry the meaning. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <Badge tone={verdictTone(verdict)} dot>
      {VERDICT_LABELS[verdict]}
    </Badge>
  );
}
