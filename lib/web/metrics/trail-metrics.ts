/**
 * The change-control metrics, from the audit trail (every replica answers the same): events by kind, and
 * break-glass applies on their own so an alert rule can fire on any increase.
 */
import { Counter, type Registry } from "prom-client";

const EVENTS = [
  "submitted",
  "approved",
  "rejected",
  "expired",
  "applied",
  "overridden",
  "reverted",
  "undone",
];

export function registerTrailMetrics(registry: Registry, trail: Record<string, number> | undefined): void {
  const events = new Counter({
    name: "queueready_audit_events_total",
    help: "Audit trail events, by event (plan submitted, approved, rejected, expired; applied, overridden, reverted, undone).",
    labelNames: ["event"],
    registers: [registry],
  });
  const overrides = new Counter({
    name: "queueready_approval_overrides_total",
    help: "Applies an admin made without the required approval (break glass), each with a recorded reason.",
    registers: [registry],
  });
  for (const event of EVENTS) events.inc({ event }, trail?.[event] ?? 0);
  overrides.inc(trail?.overridden ?? 0);
}
