import { describe, expect, it } from "vitest";
import { readParams, toFormErrors, toQuery } from "./params";

describe("readParams", () => {
  it("keeps the wizard's keys, trims them and drops the rest", () => {
    expect(
      readParams({ region: " us-east-1 ", id: "orders-redis7", kind: "replication-group", utm: "x", sg: "" }),
    ).toEqual({
      region: "us-east-1",
      id: "orders-redis7",
      kind: "replication-group",
    });
  });

  it("splits the radios that carry two answers in one value", () => {
    expect(
      readParams({
        cluster: "cache-cluster/standalone-redis",
        sgPick: "existing/sg-0cache00000000001",
        pgPick: "reuse/bullmq-valkey8",
      }),
    ).toEqual({
      kind: "cache-cluster",
      id: "standalone-redis",
      sg: "existing",
      sgId: "sg-0cache00000000001",
      pg: "reuse",
      pgName: "bullmq-valkey8",
    });
    expect(
      readParams({
        sgPick: "new",
        sgName: "queueready-x",
        pgPick: "create",
        pgNewName: "bullmq-redis7-noeviction",
      }),
    ).toEqual({
      sg: "new",
      sgName: "queueready-x",
      pg: "create",
      pgName: "bullmq-redis7-noeviction",
    });
  });

  it("ignores a radio value of the wrong shape instead of guessing", () => {
    expect(readParams({ cluster: "serverless/serverless-queue", sgPick: "existing/not-a-group" })).toEqual(
      {},
    );
  });

  it("keeps confirmations as a sorted, de-duplicated list", () => {
    expect(
      readParams({ confirm: ["sessions-redis62", "cache-redis62", "cache-redis62", " "] }).confirm,
    ).toEqual(["cache-redis62", "sessions-redis62"]);
    expect(readParams({ confirm: "cache-redis62" }).confirm).toEqual(["cache-redis62"]);
  });
});

describe("toQuery", () => {
  it("writes keys in a stable order, repeating confirm", () => {
    expect(
      toQuery({ pg: "edit-shared", id: "sessions-redis62", region: "us-east-1", confirm: ["a", "b"] }),
    ).toBe("region=us-east-1&id=sessions-redis62&pg=edit-shared&confirm=a&confirm=b");
    // The account leads every wizard URL, whatever order the object was built in.
    expect(toQuery({ region: "us-east-1", id: "stg-orders", account: "210987654321" })).toBe(
      "account=210987654321&region=us-east-1&id=stg-orders",
    );
  });

  it("round-trips through readParams", () => {
    const p = {
      region: "us-east-1",
      kind: "replication-group",
      id: "orders-redis7",
      sg: "existing",
      sgId: "sg-0cache00000000001",
      src: "cidr",
      cidr: "10.0.0.0/16",
    };
    expect(readParams(Object.fromEntries(new URLSearchParams(toQuery(p))))).toEqual(p);
  });
});

describe("toFormErrors", () => {
  it("maps planner paths to the form fields that show them", () => {
    expect(
      toFormErrors({
        "network.source.cidr": ["bad cidr"],
        "securityGroup.groupId": ["not attached"],
        "parameterGroup.name": ["taken"],
        confirmedClusters: ["name them"],
        "target.id": ["gone"],
        "something.else": ["?"],
      }),
    ).toEqual({
      cidr: ["bad cidr"],
      sgId: ["not attached"],
      pgName: ["taken"],
      confirm: ["name them"],
      id: ["gone"],
      _form: ["?"],
    });
  });

  it("sends a path named like an Object property to the form, not to a built-in", () => {
    expect(toFormErrors({ constructor: ["a"], "network.toString": ["b"] })).toEqual({ _form: ["a", "b"] });
  });
});
