import { describe, expect, it } from "vitest";
import { candidateKey, uniqueCandidates } from "./undo-key";

const pg = (runId: string, name = "bullmq-redis7-noeviction") => ({
  type: "cache-parameter-group" as const,
  region: "us-east-1",
  name,
  runId,
  reason: "unused",
});
const rule = (runId: string, ruleIds: string[]) => ({
  type: "ingress-rule" as const,
  region: "us-east-1",
  groupId: "sg-1",
  ruleIds,
  runId,
  reason: "unused",
});

describe("undo candidate keys", () => {
  it("name the run and the resource, rule ids in a stable order", () => {
    expect(candidateKey(pg("r1"))).toBe("r1|us-east-1|pg|bullmq-redis7-noeviction");
    expect(candidateKey(rule("r2", ["sgr-b", "sgr-a"]))).toBe("r2|us-east-1|rule|sg-1|sgr-a,sgr-b");
  });

  it("keep one entry per resource, the newest run's", () => {
    const list = [pg("r3"), rule("r3", ["sgr-a"]), pg("r1"), pg("r1", "other"), rule("r2", ["sgr-a"])];
    expect(uniqueCandidates(list).map(candidateKey)).toEqual([
      "r3|us-east-1|pg|bullmq-redis7-noeviction",
      "r3|us-east-1|rule|sg-1|sgr-a",
      "r1|us-east-1|pg|other",
    ]);
  });
});
