import { describe, expect, it } from "vitest";
import { seedSnapshot } from "@/tools/testing/fixtures";
import { auditRegion } from "./audit";
import { parseCsv } from "@/tools/testing/csv";
import { countVerdicts, exportCsv } from "./export";
import { exportDocument, liveExportAccount } from "@/lib/core/rows/export-document";

const regions = () => [auditRegion(seedSnapshot("us-east-1")), auditRegion(seedSnapshot("eu-west-1"))];
const exportJson = (generatedAt?: Date) => {
  const { account, clusters } = liveExportAccount(
    { accountId: "123456789012", accountName: "sandbox" },
    regions(),
  );
  return exportDocument({ accounts: [account], clusters }, generatedAt);
};

describe("export", () => {
  it("counts every verdict, zeros included", () => {
    const clusters = regions().flatMap((r) => r.clusters);
    // A stored row's verdict is a plain string: one that is no verdict is left out, not counted as NaN.
    expect(countVerdicts([...clusters, { verdict: "retired" }])).toEqual({
      ready: 5,
      "needs-changes": 9,
      incompatible: 3,
      "not-applicable": 1,
      unknown: 0,
    });
  });

  it("exports JSON with the summary and every cluster", () => {
    const parsed = JSON.parse(exportJson(new Date("2026-01-15T12:00:00.000Z")));
    expect(parsed.generatedAt).toBe("2026-01-15T12:00:00.000Z");
    expect(parsed.summary.ready).toBe(5);
    const perRegion = (region: string) =>
      parsed.clusters.filter((c: { region: string }) => c.region === region).length;
    expect(parsed.accounts[0].regions).toEqual([{ region: "us-east-1" }, { region: "eu-west-1" }]);
    expect([perRegion("us-east-1"), perRegion("eu-west-1")]).toEqual([15, 3]);
  });

  it("writes one CSV row per cluster with findings joined", () => {
    const lines = exportCsv(regions()).split("\r\n");
    expect(lines[0]).toBe(
      "account_id,account_name,region,name,kind,verdict,engine,engine_version,status,vpc_id,port,parameter_group,maxmemory_policy,owner,fails,warnings,unknowns,findings,audited_at,stale_reason",
    );
    expect(lines).toHaveLength(1 + 18 + 1);
    expect(parseCsv(exportCsv(regions())).find((r) => r[3] === "events-cluster")).toEqual(
      // A live audit names an account without a name of its own by its id, and is never stale.
      [
        ..."123456789012,123456789012,us-east-1,events-cluster,replication-group,needs-changes,redis,7.1.0,available,vpc-0prod00000000001,6379,default.redis7.cluster.on,volatile-lru,,2,0,0".split(
          ",",
        ),
        "[fail] eviction-policy: Default parameter group default.redis7.cluster.on attached: maxmemory-policy is volatile-lru | [fail] network-ingress: No inbound rule on port 6379 | [info] cluster-mode-hash-tag: Cluster mode on: use a {hash-tag} prefix such as {bull}",
        "2026-01-15T12:00:00.000Z",
        "",
      ],
    );
  });

  it("gives Memcached no maxmemory-policy (it has none), in the JSON and the CSV", () => {
    const parsed = JSON.parse(exportJson());
    const memcached = parsed.clusters.find((c: { name: string }) => c.name === "sessions-memcached");
    expect(memcached.parameterGroup).toBe("default.memcached1.6");
    expect(memcached.maxmemoryPolicy).toBeUndefined();
    const [header, ...rows] = parseCsv(exportCsv(regions()));
    const cells = rows.find((r) => r.includes("sessions-memcached")) ?? [];
    // By column name: the identity columns in front of these may grow (account, region, kind).
    const cell = (name: string) => cells[(header ?? []).indexOf(name)];
    expect([cell("parameter_group"), cell("maxmemory_policy")]).toEqual(["default.memcached1.6", ""]);
  });
});
