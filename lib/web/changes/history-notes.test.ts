import { describe, expect, it } from "vitest";
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import { historyNotes } from "./history-notes";

const choices = {
  target: { region: "us-east-1", kind: "replication-group", id: "orders-redis7" },
} as unknown as ApplyRun["plan"]["choices"];

describe("historyNotes: the history shows removals and resumes (issue 9 item 2)", () => {
  it("names each removed resource with who and when, and the run a resume continued", () => {
    const run = {
      plan: { choices: { ...choices, resume: { runId: "20261129t230000-abcdef" } } } as ApplyRun["plan"],
      created: [
        {
          type: "security-group",
          region: "us-east-1",
          groupId: "sg-0new",
          name: "queueready-orders",
          vpcId: "vpc-1",
          createdAt: "2026-11-29T23:00:00.000Z",
          removedAt: "2026-11-29T23:40:05.000Z",
          removedBy: "operator",
        },
        {
          type: "cache-parameter-group",
          region: "us-east-1",
          name: "bullmq-redis7-noeviction",
          family: "redis7",
          createdAt: "2026-11-29T23:00:00.000Z",
        },
      ] satisfies ApplyRun["created"],
    };
    expect(historyNotes(run)).toEqual([
      "Resumes run 20261129t230000-abcdef: what it created was taken up, nothing made twice.",
      "Removed security group queueready-orders (sg-0new) by operator at 2026-11-29 23:40 UTC.",
    ]);
    expect(historyNotes({ plan: { choices } as ApplyRun["plan"], created: [] })).toEqual([]);
  });

  it("says a run changed what another tool owns, and the operator's reason", () => {
    const run = {
      plan: { choices } as ApplyRun["plan"],
      created: [],
      ownerOverride: {
        reason: "stack being retired",
        owned: [
          "replication-group orders-redis7 (ModifyReplicationGroup) is owned by CloudFormation stack orders-cache.",
        ],
      },
    };
    expect(historyNotes(run)).toEqual([
      'Applied despite its owner: "stack being retired" (replication-group orders-redis7 (ModifyReplicationGroup) is owned by CloudFormation stack orders-cache.)',
    ]);
  });
});
