/**
 * MemoryDB on the sandbox's real engines: each node a TLS redis-server in one cluster, and a parameter
 * group change reaching every node once the cluster reports in-sync.
 */
import Redis from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { describeEngines } from "@/tools/testing/engine-sandbox";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, engines: true, applyDelayMs: 100 });
});
afterAll(async () => {
  await sandbox?.close();
});

async function info(address: string, ca: string, section: string): Promise<string> {
  const port = Number(address.split(":")[1]);
  // The certificate names the AWS host names; the loopback address is trusted through the sandbox's own CA.
  const redis = new Redis({
    host: "127.0.0.1",
    port,
    lazyConnect: true,
    tls: { ca, checkServerIdentity: () => undefined },
  });
  await redis.connect();
  try {
    return await redis.info(section);
  } finally {
    redis.disconnect();
  }
}

async function memoryDb(action: string, body: object): Promise<Response> {
  return fetch(sandbox.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AmazonMemoryDB.${action}`,
      authorization:
        "AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20260101/us-east-1/memorydb/aws4_request, SignedHeaders=host, Signature=x",
    },
    body: JSON.stringify(body),
  });
}

describeEngines("MemoryDB on the sandbox's real engines", () => {
  it("runs prod-memdb-lru as a TLS cluster with volatile-lru, then noeviction once the new group is in-sync", async () => {
    const ca = (await sandbox.control.engineCa())!;
    expect(ca).toContain("BEGIN CERTIFICATE");
    const nodes = (await sandbox.control.engines()).filter((e) => e.replicationGroupId === "prod-memdb-lru");
    expect(nodes.map((n) => n.cacheClusterId)).toEqual([
      "prod-memdb-lru-0001-001",
      "prod-memdb-lru-0001-002",
      "prod-memdb-lru-0002-001",
      "prod-memdb-lru-0002-002",
    ]);
    expect(nodes.every((n) => n.tls)).toBe(true);
    expect(await info(nodes[0]!.address, ca, "cluster")).toMatch(/cluster_enabled:1/);
    for (const n of nodes)
      expect(await info(n.address, ca, "memory")).toMatch(/maxmemory_policy:volatile-lru/);

    expect(
      (await memoryDb("CreateParameterGroup", { ParameterGroupName: "nq", Family: "memorydb_redis7" }))
        .status,
    ).toBe(200);
    const values = [{ ParameterName: "maxmemory-policy", ParameterValue: "noeviction" }];
    expect(
      (await memoryDb("UpdateParameterGroup", { ParameterGroupName: "nq", ParameterNameValues: values }))
        .status,
    ).toBe(200);
    expect(
      (await memoryDb("UpdateCluster", { ClusterName: "prod-memdb-lru", ParameterGroupName: "nq" })).status,
    ).toBe(200);
    const deadline = Date.now() + 5000;
    let policies: string[] = [];
    while (Date.now() < deadline) {
      policies = await Promise.all(
        nodes.map(async (n) => /maxmemory_policy:(\S+)/.exec(await info(n.address, ca, "memory"))![1]!),
      );
      if (policies.every((p) => p === "noeviction")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(policies).toEqual(["noeviction", "noeviction", "noeviction", "noeviction"]);
  });
});
