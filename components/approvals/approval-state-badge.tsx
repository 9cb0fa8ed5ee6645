import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApprovalState } from "@/lib/web/approvals/approval-view";

const TONE: Record<ApprovalState, BadgeTone> = {
  pending: "amber",
  approved: "green",
  expired: "neutral",
  rejected: "red",
};

const LABEL: Record<ApprovalState, string> = {
  pending: "Awaiting approval",
  approved: "Approved",
  expired: "Approval expired",
  rejected: "Rejected",
};

export function ApprovalStateBadge({ state }: { state: ApprovalState }) {
  return (
    <Badge tone={TONE[state]} dot>
      {LABEL[state]}
    </Badge>
  );
}
