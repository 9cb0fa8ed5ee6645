import { describe, expect, it, vi } from "vitest";
import { backgroundWorkOf } from "./start";

const HOOK = "https://hooks.example.com/queueready";

describe("backgroundWorkOf", () => {
  it("schedules audits every 15 minutes by default, with the delivery worker for their changes", () => {
    const work = backgroundWorkOf({});
    expect(work.intervalMs).toBe(15 * 60_000);
    expect(work.notifications).toBeDefined();
  });

  it("with audits off and no channel, runs nothing that calls AWS", () => {
    expect(backgroundWorkOf({ QUEUEREADY_AUDIT_INTERVAL: "off" })).toEqual({
      intervalMs: null,
      notifications: undefined,
    });
  });

  it("with audits off, still delivers to a configured channel (Refresh records changes too)", () => {
    const work = backgroundWorkOf({ QUEUEREADY_AUDIT_INTERVAL: "off", QUEUEREADY_WEBHOOK_URL: HOOK });
    expect(work.intervalMs).toBeNull();
    expect(work.notifications?.webhook?.url).toBe(HOOK);
  });

  it("a malformed interval turns only the schedule off, and says why", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const work = backgroundWorkOf({ QUEUEREADY_AUDIT_INTERVAL: "5s", QUEUEREADY_WEBHOOK_URL: HOOK });
    expect(work.intervalMs).toBeNull();
    expect(work.notifications?.webhook?.url).toBe(HOOK);
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/^Scheduled audits are off: .*between 10s and 24h/),
    );
    error.mockRestore();
  });
});
