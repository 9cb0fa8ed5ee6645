import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./index";
import { defaultAccount } from "./model/accounts";
import { fleetSeed } from "./seed/fleet";
import { call, text, texts } from "./testing/wire-client";

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
const start = async (opts: Parameters<typeof startSandbox>[0]) => {
  const sb = await startSandbox({ port: 0, ...opts });
  running.push(sb);
  return sb;
};

describe("persistence", () => {
  it("saves after a write and reloads it on the next start", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-")), "state.json");
    const first = await start({ persistFile: file });
    await call(first.url, "elasticache", "CreateCacheParameterGroup", {
      CacheParameterGroupName: "survives",
      CacheParameterGroupFamily: "valkey8",
      Description: "x",
    });
    await call(first.url, "ec2", "CreateSecurityGroup", {
      GroupName: "kept",
      GroupDescription: "x",
      VpcId: "vpc-0prod00000000001",
    });
    await first.close();
    running.length = 0;
    const saved = JSON.parse(fs.readFileSync(file, "utf8"));
    expect([saved.version, Object.keys(saved.state.accounts)]).toEqual([
      2,
      ["123456789012", "210987654321", "345678901234", "456789012345", "567890123456"],
    ]);
    const second = await start({ persistFile: file });
    const pg = await call(second.url, "elasticache", "DescribeCacheParameterGroups", {
      CacheParameterGroupName: "survives",
    });
    expect(text(pg.xml, "CacheParameterGroupFamily")).toBe("valkey8");
    const sg = await call(second.url, "ec2", "DescribeSecurityGroups", {
      "Filter.1.Name": "group-name",
      "Filter.1.Value.1": "kept",
    });
    expect(texts(sg.xml, "groupName")).toEqual(["kept"]);
    second.control.reset("default");
    const afterReset = await call(second.url, "elasticache", "DescribeCacheParameterGroups", {
      CacheParameterGroupName: "survives",
    });
    expect(afterReset.status).toBe(404);
  });

  it("loads a version 1 file (one account, before organizations) as the organization's management account", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-")), "v1.json");
    const regions = defaultAccount(fleetSeed({ clusters: 3, regions: ["us-west-2"], seed: 1 })).regions;
    const v1Regions = Object.fromEntries(
      Object.entries(regions).map(([name, r]) => [name, { ...r, accountId: undefined }]),
    );
    fs.writeFileSync(file, JSON.stringify({ version: 1, state: { regions: v1Regions } }));
    const sb = await start({ persistFile: file });
    expect(sb.control.accounts().map((a) => [a.id, a.regions.join("+")])).toEqual([
      ["123456789012", "us-west-2"],
      ["210987654321", "us-east-1+eu-west-1"],
      ["345678901234", "us-east-1+eu-west-1"],
      ["456789012345", "us-east-1+eu-west-1"],
      ["567890123456", ""],
    ]);
    const rgs = await call(sb.url, "elasticache", "DescribeReplicationGroups", {}, "us-west-2");
    expect(texts(rgs.xml, "ARN")[0]).toMatch(/^arn:aws:elasticache:us-west-2:123456789012:replicationgroup:/);
  });

  it("refuses a file that is not a sandbox state", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-")), "other.json");
    fs.writeFileSync(file, JSON.stringify({ hello: "world" }));
    await expect(startSandbox({ port: 0, persistFile: file })).rejects.toThrow(/not a sandbox state file/);
  });
});

describe("generated fleet", () => {
  it("is deterministic per seed and spreads N clusters over the regions", () => {
    const a = fleetSeed({ clusters: 400, seed: 7 });
    expect(JSON.stringify(fleetSeed({ clusters: 400, seed: 7 }))).toBe(JSON.stringify(a));
    expect(JSON.stringify(fleetSeed({ clusters: 400, seed: 8 }))).not.toBe(JSON.stringify(a));
    const regions = Object.values(defaultAccount(a).regions);
    expect(regions.map((r) => r.region)).toEqual(["us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"]);
    const top = regions.map(
      (r) =>
        r.replicationGroups.length +
        r.serverlessCaches.length +
        r.cacheClusters.filter((c) => !c.replicationGroupId).length,
    );
    expect(top).toEqual([100, 100, 100, 100]);
    for (const r of regions) {
      expect(r.parameterGroups.filter((g) => !g.isDefault).length).toBeLessThanOrEqual(25);
      expect(r.replicationGroups.some((g) => g.clusterEnabled)).toBe(true);
      expect(r.cacheClusters.some((c) => c.engine === "memcached")).toBe(true);
      expect(r.serverlessCaches.length).toBeGreaterThan(0);
    }
  });

  it("serves a fleet and pages its replication groups", async () => {
    const sb = await start({ seed: { clusters: 300, regions: ["us-west-2"], seed: 3 } });
    expect(sb.control.regions()).toEqual(["us-west-2", "us-east-1", "eu-west-1"]);
    let marker: string | undefined;
    const ids: string[] = [];
    do {
      const { xml } = await call(
        sb.url,
        "elasticache",
        "DescribeReplicationGroups",
        { MaxRecords: 100, ...(marker ? { Marker: marker } : {}) },
        "us-west-2",
      );
      ids.push(...texts(xml, "ReplicationGroupId"));
      marker = text(xml, "Marker");
    } while (marker);
    const expected = defaultAccount(fleetSeed({ clusters: 300, regions: ["us-west-2"], seed: 3 })).regions[
      "us-west-2"
    ]!.replicationGroups.map((g) => g.id);
    expect(ids).toEqual(expected);
    expect(ids.length).toBeGreaterThan(100);
  });
});

describe("estate", () => {
  it("seeds an organization of N accounts with the fleet shape, each member reachable from the management", async () => {
    const sb = await start({
      seed: { clusters: 40, regions: ["us-east-1", "eu-west-1"], seed: 5, accounts: 3 },
    });
    expect(sb.control.accounts().map((a) => [a.id, a.name, a.regions.join("+")])).toEqual([
      ["123456789012", "management", "us-east-1+eu-west-1"],
      ["200000000001", "member-1", "us-east-1+eu-west-1"],
      ["200000000002", "member-2", "us-east-1+eu-west-1"],
    ]);
    const assumed = await call(sb.url, "sts", "AssumeRole", {
      RoleArn: "arn:aws:iam::200000000002:role/OrganizationAccountAccessRole",
      RoleSessionName: "bench",
    });
    const session = {
      accessKeyId: text(assumed.xml, "AccessKeyId")!,
      sessionToken: text(assumed.xml, "SessionToken")!,
    };
    const rgs = await call(sb.url, "elasticache", "DescribeReplicationGroups", {}, "eu-west-1", session);
    expect(texts(rgs.xml, "ARN")[0]).toMatch(/^arn:aws:elasticache:eu-west-1:200000000002:replicationgroup:/);
    const mine = await call(sb.url, "elasticache", "DescribeReplicationGroups", {}, "eu-west-1");
    expect(texts(mine.xml, "ReplicationGroupId")).not.toEqual(texts(rgs.xml, "ReplicationGroupId"));
  });
});
