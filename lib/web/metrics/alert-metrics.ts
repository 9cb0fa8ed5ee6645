/**
 * The notification metrics, from the database like the rest (every replica answers the same numbers):
 * deliveries by channel and result, what is still pending, and the transitions recorded by kind.
 */
import { Counter, Gauge, type Registry } from "prom-client";
import type { DeliveryStats } from "@/lib/adapters/db/deliveries";

export interface AlertStats {
  deliveries: DeliveryStats[];
  /** target_events rows by event (first-seen, new, regressed, resolved, changed). */
  events: Record<string, number>;
}

const CHANNELS = ["webhook", "slack"];

export function registerAlertMetrics(registry: Registry, stats: AlertStats | undefined): void {
  const total = new Counter({
    name: "queueready_notifications_total",
    help: "Notification attempts by channel and result: sent, failed (gave up) and error (an attempt that will be retried or led to failed).",
    labelNames: ["channel", "result"],
    registers: [registry],
  });
  const pending = new Gauge({
    name: "queueready_notifications_pending",
    help: "Notifications waiting to be sent (or retried), by channel.",
    labelNames: ["channel"],
    registers: [registry],
  });
  const transitions = new Counter({
    name: "queueready_target_transitions_total",
    help: "Verdict transitions recorded for targets, by event.",
    labelNames: ["event"],
    registers: [registry],
  });
  for (const channel of CHANNELS) {
    const rows = stats?.deliveries.filter((d) => d.channel === channel) ?? [];
    const of = (status: string) => rows.find((r) => r.status === status);
    const sent = of("sent");
    const failed = of("failed");
    total.inc({ channel, result: "sent" }, sent?.deliveries ?? 0);
    total.inc({ channel, result: "failed" }, failed?.deliveries ?? 0);
    // Every attempt but a sent row's last one was an error.
    const errors =
      (sent ? sent.attempts - sent.deliveries : 0) + (failed?.attempts ?? 0) + (of("pending")?.attempts ?? 0);
    total.inc({ channel, result: "error" }, errors);
    pending.set({ channel }, of("pending")?.deliveries ?? 0);
  }
  for (const event of ["first-seen", "new", "regressed", "resolved", "changed"])
    transitions.inc({ event }, stats?.events[event] ?? 0);
}
