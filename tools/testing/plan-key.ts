/** The plan-signing key tests share (never a real one): the CLI's env, the e2e server and the readers. */
import { planSigningKey, type PlanSigningKey } from "@/lib/core/plan-file";

export const TEST_PLAN_SIGNING_KEY = "test-only-plan-signing-key:7Qm2Zx9Kv4Lp8Rt3Wn6Yb";

export function testPlanKey(): PlanSigningKey {
  const read = planSigningKey({ QUEUEREADY_PLAN_SIGNING_KEY: TEST_PLAN_SIGNING_KEY });
  if (!read.ok || !read.key) throw new Error("the test plan-signing key is refused");
  return read.key;
}
