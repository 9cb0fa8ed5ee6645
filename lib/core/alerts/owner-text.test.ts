import { describe, expect, it } from "vitest";
import { overrideLine, ownerFixLine } from "./owner-text";

describe("ownerFixLine: an alert says where an owned target's fix belongs", () => {
  it("names the Terraform address and state, or says the address is unknown", () => {
    expect(
      ownerFixLine({
        tool: "terraform",
        address: "module.cache.aws_elasticache_replication_group.x",
        stateFile: "prod.tfstate",
        evidence: "state",
      }),
    ).toBe(
      "Managed by Terraform at module.cache.aws_elasticache_replication_group.x (state prod.tfstate): fix it there; a change made here is undone by its next apply.",
    );
    expect(ownerFixLine({ tool: "terraform", evidence: "description" })).toContain(
      "Managed by Terraform (its address unknown",
    );
  });

  it("names the CloudFormation stack and logical id; nothing for an unowned target", () => {
    expect(
      ownerFixLine({ tool: "cloudformation", stack: "orders-cache", logicalId: "OrdersRG", evidence: "x" }),
    ).toBe(
      "Managed by CloudFormation stack orders-cache, logical id OrdersRG: fix it in the stack's template; a change made here is undone by its next update.",
    );
    expect(ownerFixLine(null)).toBeNull();
    expect(ownerFixLine({ tool: "unknown", evidence: "ListStacks denied" })).toBe(
      "Owner unknown: ListStacks denied",
    );
  });

  it("says who overrode the owner, when, in which run and why", () => {
    expect(
      overrideLine({ runId: "r1", reason: "stack retired", by: "ana", at: "2026-12-05T20:00:00.000Z" }),
    ).toBe('Changed despite its owner by ana at 2026-12-05 20:00 UTC (run r1): "stack retired"');
  });
});
