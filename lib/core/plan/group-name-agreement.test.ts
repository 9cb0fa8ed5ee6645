import { describe, expect, it } from "vitest";
import { suggestions } from "./";
import { auditTarget } from "@/lib/core/readiness";
import { seedUsEast1 } from "@/tools/testing/fixtures";

// The detail page's "create a group" CLI hint and the wizard's pre-filled name come from one function
// (issue 9, item 21: they used to be `orders-redis7-bullmq` and `bullmq-redis7-noeviction`).
describe("the detail page and the wizard propose the same new parameter group", () => {
  const snapshot = seedUsEast1();
  const ids = ["orders-redis7", "events-cluster", "sessions-redis62", "legacy-redis5"];

  it.each(ids)("%s", (id) => {
    const audit = auditTarget(snapshot, { ...snapshot.scope, kind: "replication-group", id });
    const cli = audit?.findings.find((f) => f.ruleId === "eviction-policy")?.remediation?.cli ?? [];
    const hinted = /create-cache-parameter-group .*--cache-parameter-group-name (\S+)/.exec(
      cli.join("\n"),
    )?.[1];
    const wizard = suggestions(snapshot, { ...snapshot.scope, kind: "replication-group", id });
    if (!wizard.ok) throw new Error(wizard.message);
    expect(hinted).toBeDefined();
    expect(hinted).toBe(wizard.value.parameterGroup.suggestedName);
  });
});
