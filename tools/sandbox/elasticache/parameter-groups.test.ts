import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";
import { call, errorCode, sleep, text, texts } from "@/tools/sandbox/testing/wire-client";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, applyDelayMs: 150 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.control.reset("default"));
const ec = (action: string, params: Record<string, string | number | boolean> = {}) =>
  call(sb.url, "elasticache", action, params);
const setParams = (group: string, pairs: Array<[string, string]>) =>
  ec(
    "ModifyCacheParameterGroup",
    Object.fromEntries([
      ["CacheParameterGroupName", group],
      ...pairs.flatMap(([n, v], i) => [
        [`ParameterNameValues.ParameterNameValue.${i + 1}.ParameterName`, n],
        [`ParameterNameValues.ParameterNameValue.${i + 1}.ParameterValue`, v],
      ]),
    ]),
  );

describe("parameter groups", () => {
  it("creates a group with its name stored lowercase, copied from the family defaults", async () => {
    const created = await ec("CreateCacheParameterGroup", {
      CacheParameterGroupName: "BullMQ-Orders",
      CacheParameterGroupFamily: "redis7",
      Description: "for bullmq",
    });
    expect(created.status).toBe(200);
    expect(text(created.xml, "CacheParameterGroupName")).toBe("bullmq-orders");
    const params = await ec("DescribeCacheParameters", {
      CacheParameterGroupName: "BULLMQ-ORDERS",
      MaxRecords: 100,
    });
    expect(params.xml).toContain(
      "<ParameterName>cluster-enabled</ParameterName><ParameterValue>no</ParameterValue>",
    );
    const again = await ec("CreateCacheParameterGroup", {
      CacheParameterGroupName: "bullmq-orders",
      CacheParameterGroupFamily: "redis7",
      Description: "x",
    });
    expect([again.status, errorCode(again.xml)]).toEqual([400, "CacheParameterGroupAlreadyExists"]);
  });

  it("rejects invalid names and unknown families", async () => {
    for (const name of ["1abc", "a--b", "ends-", "has_underscore"]) {
      const r = await ec("CreateCacheParameterGroup", {
        CacheParameterGroupName: name,
        CacheParameterGroupFamily: "redis7",
        Description: "x",
      });
      expect([name, errorCode(r.xml)]).toEqual([name, "InvalidParameterValue"]);
    }
    const fam = await ec("CreateCacheParameterGroup", {
      CacheParameterGroupName: "ok",
      CacheParameterGroupFamily: "redis99",
      Description: "x",
    });
    expect(errorCode(fam.xml)).toBe("InvalidParameterValue");
  });

  it("refuses to modify, reset or delete default groups", async () => {
    expect(errorCode((await setParams("default.redis7", [["maxmemory-policy", "noeviction"]])).xml)).toBe(
      "InvalidCacheParameterGroupState",
    );
    expect(
      errorCode(
        (
          await ec("ResetCacheParameterGroup", {
            CacheParameterGroupName: "default.redis7",
            ResetAllParameters: true,
          })
        ).xml,
      ),
    ).toBe("InvalidCacheParameterGroupState");
    expect(
      errorCode((await ec("DeleteCacheParameterGroup", { CacheParameterGroupName: "default.redis7" })).xml),
    ).toBe("InvalidCacheParameterGroupState");
  });

  it("checks AllowedValues per family and caps a call at 20 parameters", async () => {
    const bad = await setParams("shared-lru-redis6", [["maxmemory-policy", "evict-everything"]]);
    expect(errorCode(bad.xml)).toBe("InvalidParameterValue");
    expect(bad.xml).toContain("Allowed values: volatile-lru,allkeys-lru");
    const range = await setParams("shared-lru-redis6", [["active-defrag-cycle-max", "99"]]);
    expect(errorCode(range.xml)).toBe("InvalidParameterValue");
    const many = await setParams(
      "shared-lru-redis6",
      Array.from({ length: 21 }, () => ["timeout", "0"] as [string, string]),
    );
    expect([many.status, errorCode(many.xml)]).toEqual([400, "InvalidParameterCombination"]);
    const unknown = await setParams("shared-lru-redis6", [["listpack-nonsense", "1"]]);
    expect(errorCode(unknown.xml)).toBe("InvalidParameterValue");
  });

  it("applies an immediate change at once and moves every member applying -> in-sync", async () => {
    const ok = await setParams("shared-lru-redis6", [["maxmemory-policy", "noeviction"]]);
    expect([ok.status, text(ok.xml, "CacheParameterGroupName")]).toEqual([200, "shared-lru-redis6"]);
    const users = ["sessions-redis62-001", "sessions-redis62-002", "cache-redis62-001"];
    for (const id of users) {
      const { xml } = await ec("DescribeCacheClusters", { CacheClusterId: id });
      expect([id, text(xml, "ParameterApplyStatus")]).toEqual([id, "applying"]);
    }
    const value = await ec("DescribeCacheParameters", {
      CacheParameterGroupName: "shared-lru-redis6",
      Source: "user",
    });
    expect(texts(value.xml, "ParameterValue")).toEqual(["noeviction"]);
    await sleep(200);
    for (const id of users) {
      expect(
        text((await ec("DescribeCacheClusters", { CacheClusterId: id })).xml, "ParameterApplyStatus"),
      ).toBe("in-sync");
    }
    const events = await ec("DescribeEvents", { SourceType: "cache-parameter-group" });
    expect(texts(events.xml, "Message")).toEqual(["Cache parameter group modified"]);
  });

  it("marks members pending-reboot for a requires-reboot change", async () => {
    await setParams("secure-noeviction", [["databases", "32"]]);
    const { xml } = await ec("DescribeCacheClusters", { CacheClusterId: "secure-redis7-001" });
    expect(text(xml, "ParameterApplyStatus")).toBe("pending-reboot");
    expect(xml).toContain("<CacheNodeIdsToReboot><CacheNodeId>0001</CacheNodeId></CacheNodeIdsToReboot>");
  });

  it("refuses to change cluster-enabled on a group in use", async () => {
    expect(errorCode((await setParams("secure-noeviction", [["cluster-enabled", "yes"]])).xml)).toBe(
      "InvalidCacheParameterGroupState",
    );
  });

  it("resets named or all parameters back to the family default", async () => {
    await setParams("bullmq-valkey8", [["timeout", "300"]]);
    await ec("ResetCacheParameterGroup", {
      CacheParameterGroupName: "bullmq-valkey8",
      "ParameterNameValues.ParameterNameValue.1.ParameterName": "timeout",
    });
    let user = await ec("DescribeCacheParameters", {
      CacheParameterGroupName: "bullmq-valkey8",
      Source: "user",
    });
    expect(texts(user.xml, "ParameterName")).toEqual(["maxmemory-policy"]);
    await ec("ResetCacheParameterGroup", {
      CacheParameterGroupName: "bullmq-valkey8",
      ResetAllParameters: true,
    });
    user = await ec("DescribeCacheParameters", { CacheParameterGroupName: "bullmq-valkey8", Source: "user" });
    expect(texts(user.xml, "ParameterName")).toEqual([]);
    const neither = await ec("ResetCacheParameterGroup", { CacheParameterGroupName: "bullmq-valkey8" });
    expect(errorCode(neither.xml)).toBe("InvalidParameterCombination");
  });

  it("refuses to delete an attached group and deletes a free one", async () => {
    expect(
      errorCode(
        (await ec("DeleteCacheParameterGroup", { CacheParameterGroupName: "shared-lru-redis6" })).xml,
      ),
    ).toBe("InvalidCacheParameterGroupState");
    await ec("CreateCacheParameterGroup", {
      CacheParameterGroupName: "spare",
      CacheParameterGroupFamily: "valkey8",
      Description: "x",
    });
    const del = await ec("DeleteCacheParameterGroup", { CacheParameterGroupName: "spare" });
    expect(del.status).toBe(200);
    expect(del.xml).toContain("<DeleteCacheParameterGroupResponse");
    expect(
      errorCode((await ec("DescribeCacheParameterGroups", { CacheParameterGroupName: "spare" })).xml),
    ).toBe("CacheParameterGroupNotFound");
  });

  it("tags a group by ARN and lists the tags", async () => {
    const arn = "arn:aws:elasticache:us-east-1:123456789012:parametergroup:bullmq-valkey8";
    await ec("AddTagsToResource", {
      ResourceName: arn,
      "Tags.Tag.1.Key": "owner",
      "Tags.Tag.1.Value": "queueready",
    });
    const { xml } = await ec("ListTagsForResource", { ResourceName: arn });
    expect(xml).toContain("<TagList><Tag><Key>owner</Key><Value>queueready</Value></Tag></TagList>");
    expect(
      errorCode(
        (
          await ec("ListTagsForResource", {
            ResourceName: "arn:aws:elasticache:us-east-1:123456789012:cluster:nope",
          })
        ).xml,
      ),
    ).toBe("InvalidARN");
  });
});
