import { describe, expect, it } from "vitest";
import { choicesOf, paramsOf } from "./choices";
import { keysBefore, reachableStep, redirectFor, stepHref } from "./steps";

const target = { region: "us-east-1", kind: "replication-group", id: "orders-redis7" };
const network = {
  sg: "existing",
  sgId: "sg-0cache00000000001",
  src: "security-group",
  srcGroup: "sg-0app000000000001",
};
const pg = { pg: "create", pgName: "bullmq-redis7-noeviction" };

describe("reachableStep / redirectFor", () => {
  it("reaches as far as the answers go", () => {
    expect(reachableStep({})).toBe("target");
    expect(reachableStep(target)).toBe("network");
    expect(reachableStep({ ...target, ...network })).toBe("parameter-group");
    expect(reachableStep({ ...target, ...network, ...pg })).toBe("preview");
  });

  it("sends a deep link past a gap back to the gap, keeping every answer", () => {
    expect(redirectFor("preview", { ...target, ...pg })).toBe(
      "/wizard/network?region=us-east-1&kind=replication-group&id=orders-redis7&pg=create&pgName=bullmq-redis7-noeviction",
    );
    expect(redirectFor("network", target)).toBeUndefined();
    expect(redirectFor("target", {})).toBeUndefined();
  });

  it("holds a hand-edited URL to the zod rules: anywhere without acknowledgement is a gap", () => {
    expect(reachableStep({ ...target, sg: "existing", sgId: "sg-0cache00000000001", src: "anywhere" })).toBe(
      "network",
    );
    expect(reachableStep({ ...target, ...network, sgId: "not-a-group" })).toBe("network");
  });
});

describe("choicesOf / paramsOf", () => {
  it("parses every step and reports the first missing one", () => {
    expect(choicesOf({ ...target, ...network })).toEqual({
      ok: false,
      step: "parameter-group",
      fieldErrors: { pg: ["Choose whether to create a parameter group or use an existing one."] },
    });
    expect(choicesOf({ ...target, sg: "new", src: "cidr", cidr: "" })).toEqual({
      ok: false,
      step: "network",
      fieldErrors: { sgName: ["Name the new security group."], cidr: ["Enter a CIDR such as 10.0.0.0/16."] },
    });
  });

  it("round-trips choices through URL parameters", () => {
    const choices = [
      {
        target,
        network: {
          securityGroup: { mode: "existing", groupId: "sg-0cache00000000001" },
          source: { kind: "security-group", groupId: "sg-0app000000000001" },
        },
        parameterGroup: { mode: "create", name: "bullmq-redis7-noeviction" },
      },
      {
        target,
        network: {
          securityGroup: { mode: "new", name: "queueready-orders" },
          source: { kind: "anywhere", acknowledged: true },
        },
        parameterGroup: {
          mode: "edit-shared",
          name: "shared-lru-redis6",
          confirmedClusters: ["cache-redis62", "a"],
        },
      },
      {
        target,
        network: {
          securityGroup: { mode: "existing", groupId: "sg-0cache00000000001" },
          source: { kind: "cidr", cidr: "10.0.0.0/16" },
        },
        parameterGroup: { mode: "reuse", name: "secure-noeviction" },
      },
    ] as const;
    for (const c of choices) {
      const parsed = choicesOf(paramsOf(structuredClone(c) as never));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const expected = structuredClone(c) as { parameterGroup: { confirmedClusters?: string[] } };
      expected.parameterGroup.confirmedClusters?.sort();
      expect(parsed.value).toEqual(expected);
    }
  });

  it("builds step links with every answer", () => {
    expect(stepHref("modification", { ...target, ...network, ...pg })).toBe(
      "/wizard/modification?region=us-east-1&kind=replication-group&id=orders-redis7&sg=existing&sgId=sg-0cache00000000001&src=security-group&srcGroup=sg-0app000000000001&pg=create&pgName=bullmq-redis7-noeviction",
    );
  });
});

describe("keysBefore", () => {
  it("carries the answers of every earlier step and none of the step's own", () => {
    expect(keysBefore("network")).toEqual(["account", "region", "kind", "id", "vpc", "resume"]);
    expect(keysBefore("parameter-group")).toEqual([
      "account",
      "region",
      "kind",
      "id",
      "vpc",
      "resume",
      "sg",
      "sgId",
      "sgName",
      "src",
      "srcGroup",
      "cidr",
      "ack",
    ]);
    expect(keysBefore("modification")).toEqual([
      "account",
      "region",
      "kind",
      "id",
      "vpc",
      "resume",
      "sg",
      "sgId",
      "sgName",
      "src",
      "srcGroup",
      "cidr",
      "ack",
      "pg",
      "pgName",
      "confirm",
    ]);
  });
});
