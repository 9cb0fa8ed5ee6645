import { describe, expect, it } from "vitest";
import { renderMetrics } from "./render";

const run = {
  id: "a1",
  slot: "s",
  startedBy: "replica-a",
  startedAt: new Date("2026-01-15T12:00:00Z"),
  heartbeatAt: null,
  finishedAt: new Date("2026-01-15T12:00:04.500Z"),
  durationMs: 4_500,
  awsErrors: { DescribeSecurityGroups: 3 },
  failedRegions: [{ region: "eu-west-1", message: "Access denied" }],
  accounts: null,
};
const verdict = (targetId: string, v: string) => ({
  accountId: "123456789012",
  region: "us-east-1",
  kind: "replication-group",
  targetId,
  verdict: v,
  findings: [],
});

describe("renderMetrics", () => {
  it("exposes readiness per target, counts by verdict, the last audit's time, duration and AWS errors", async () => {
    const { body, contentType } = await renderMetrics({
      run,
      verdicts: [
        verdict("orders-redis7", "ready"),
        verdict("sessions-redis62", "needs-changes"),
        verdict("legacy", "needs-changes"),
      ],
    });
    expect(contentType).toContain("text/plain");
    const lines = body.split("\n");
    expect(lines).toContain(
      'queueready_target_ready{account_id="123456789012",region="us-east-1",kind="replication-group",target="orders-redis7"} 1',
    );
    expect(lines).toContain(
      'queueready_target_ready{account_id="123456789012",region="us-east-1",kind="replication-group",target="sessions-redis62"} 0',
    );
    expect(lines).toContain('queueready_targets{verdict="needs-changes"} 2');
    expect(lines).toContain('queueready_targets{verdict="unknown"} 0');
    expect(lines).toContain("queueready_last_audit_timestamp_seconds 1768478404");
    expect(lines).toContain("queueready_last_audit_duration_seconds 4.5");
    expect(lines).toContain('queueready_aws_errors{operation="DescribeSecurityGroups"} 3');
    expect(lines).toContain("queueready_failed_regions 1");
  });

  it("escapes label values instead of breaking the format", async () => {
    const { body } = await renderMetrics({ run, verdicts: [verdict('we"ird\\name', "ready")] });
    expect(body).toContain('target="we\\"ird\\\\name"} 1');
  });

  it("has no samples before the first audit, only the metric descriptions", async () => {
    const { body } = await renderMetrics(undefined);
    expect(body).toContain("# HELP queueready_target_ready");
    expect(body).not.toMatch(/^queueready_target_ready\{/m);
  });
});

describe("notification metrics", () => {
  it("counts deliveries by channel and result, pending ones and transitions", async () => {
    const { body } = await renderMetrics(undefined, {
      deliveries: [
        { channel: "webhook", status: "sent", deliveries: 3, attempts: 5 },
        { channel: "webhook", status: "pending", deliveries: 1, attempts: 1 },
        { channel: "slack", status: "failed", deliveries: 1, attempts: 8 },
      ],
      events: { regressed: 1, resolved: 1, new: 7 },
    });
    const lines = body.split("\n");
    expect(lines).toContain('queueready_notifications_total{channel="webhook",result="sent"} 3');
    expect(lines).toContain('queueready_notifications_total{channel="webhook",result="error"} 3');
    expect(lines).toContain('queueready_notifications_total{channel="slack",result="failed"} 1');
    expect(lines).toContain('queueready_notifications_total{channel="slack",result="error"} 8');
    expect(lines).toContain('queueready_notifications_pending{channel="webhook"} 1');
    expect(lines).toContain('queueready_notifications_pending{channel="slack"} 0');
    expect(lines).toContain('queueready_target_transitions_total{event="regressed"} 1');
    expect(lines).toContain('queueready_target_transitions_total{event="changed"} 0');
  });
});
