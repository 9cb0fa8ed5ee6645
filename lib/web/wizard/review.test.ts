import { describe, expect, it } from "vitest";
import { reviewGroups, reviewSlugOf } from "./review";

const kinds = [
  "create-security-group",
  "authorize-ingress",
  "create-parameter-group",
  "modify-parameter-group",
  "modify-replication-group",
] as const;

describe("reviewGroups", () => {
  it("puts each plan step under the wizard step that decides it, keeping plan order and index", () => {
    const groups = reviewGroups(kinds.map((kind) => ({ kind })));
    expect(groups.map((g) => [g.number, g.label, g.steps.map((s) => `${s.index}:${s.step.kind}`)])).toEqual([
      [1, "Target", []],
      [2, "Network access", ["0:create-security-group", "1:authorize-ingress"]],
      [3, "Parameter group", ["2:create-parameter-group", "3:modify-parameter-group"]],
      [4, "Cluster modification", ["4:modify-replication-group"]],
    ]);
  });

  it("places a standalone cluster's modify call and unknown later kinds under cluster modification", () => {
    expect(reviewSlugOf("modify-cache-cluster")).toBe("modification");
    expect(reviewSlugOf("modify-parameter-group-batch-2")).toBe("parameter-group");
    expect(reviewSlugOf("revoke-ingress")).toBe("network");
  });
});
