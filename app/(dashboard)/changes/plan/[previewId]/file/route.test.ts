import { beforeEach, describe, expect, it, vi } from "vitest";
import { computePlan } from "@/lib/core/plan";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices } from "@/tools/testing/plan-helpers";
import { parsePlanFile } from "@/lib/core/plan-file";
import { TEST_PLAN_SIGNING_KEY, testPlanKey } from "@/tools/testing/plan-key";

// The route handler's own gate, below the proxy: a request that reaches it without a session (a proxy
// misconfigured, a matcher gap) must get a plain 401, never a plan and never a redirect to follow.
const state = vi.hoisted(() => ({ user: null as null | { name: string; role: string } }));
const getPreview = vi.hoisted(() => vi.fn());
vi.mock("@/lib/web/auth/session", () => ({ getSessionUser: async () => state.user }));
vi.mock("@/lib/adapters/db/lookups", () => ({ getPreview }));
const { GET } = await import("./route");

const snapshot = seedUsEast1();
const plan = computePlan(snapshot, recommendedChoices(snapshot, "orders-redis7"));
const id = "20260101t000000-abcdef01";
const get = (previewId = id) =>
  GET(new Request(`http://127.0.0.1/changes/plan/${previewId}/file`, { redirect: "manual" }), {
    params: Promise.resolve({ previewId }),
  });

beforeEach(() => {
  state.user = null;
  getPreview.mockReset();
  getPreview.mockResolvedValue({ id, plan });
});

describe("GET /changes/plan/[previewId]/file", () => {
  it("refuses a request without a session with 401 and no location, before reading the preview", async () => {
    const response = await get();
    expect(response.status).toBe(401);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(await response.json()).toEqual({ error: "Sign in first." });
    expect(getPreview).not.toHaveBeenCalled();
  });

  it("gives a signed-in viewer the plan file as an attachment", async () => {
    state.user = { name: "vera", role: "viewer" };
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.json"$/);
    const file = await response.json();
    expect(file).toMatchObject({
      format: "queueready-plan-file",
      createdBy: { name: "vera", via: "browser" },
    });
    expect(file.targets.map((t: { plan: { target: { id: string } } }) => t.plan.target.id)).toEqual([
      "orders-redis7",
    ]);
  });

  it("signs the file with QUEUEREADY_PLAN_SIGNING_KEY so apply accepts it, and never signs with a weak key", async () => {
    state.user = { name: "vera", role: "viewer" };
    vi.stubEnv("QUEUEREADY_PLAN_SIGNING_KEY", TEST_PLAN_SIGNING_KEY);
    try {
      const response = await get();
      expect(response.status).toBe(200);
      expect(parsePlanFile(await response.text(), { key: testPlanKey() })).toMatchObject({
        ok: true,
        signed: true,
      });
      vi.stubEnv("QUEUEREADY_PLAN_SIGNING_KEY", "x".repeat(40));
      const weak = await get();
      expect(weak.status).toBe(500);
      expect(await weak.json()).toEqual({ error: expect.stringMatching(/only 1 distinct characters/) });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("answers 404 for a malformed or unknown id, never 500", async () => {
    state.user = { name: "vera", role: "viewer" };
    expect((await get("x".repeat(300))).status).toBe(404);
    expect(getPreview).not.toHaveBeenCalled();
    getPreview.mockResolvedValue(undefined);
    expect((await get()).status).toBe(404);
  });
});
