import { describe, expect, it } from "vitest";
import { parseCsv } from "@/tools/testing/csv";
import { CSV_COLUMNS, csvCell, toCsv, type CsvCluster } from "./csv";

const cluster: CsvCluster = {
  accountId: "210987654321",
  accountName: "staging, EU",
  region: "eu-west-1",
  name: "jobs",
  kind: "replication-group",
  verdict: "needs-changes",
  engine: "redis",
  engineVersion: "7.1.0",
  status: "available",
  port: 6379,
  parameterGroup: "default.redis7",
  policy: "volatile-lru",
  findings: [
    { ruleId: "cluster-mode-hash-tag", severity: "info", title: "Use a hash tag" },
    { ruleId: "eviction-policy", severity: "pass", title: "ignored" },
    { ruleId: "network-ingress", severity: "warn", title: "Open to 0.0.0.0/0" },
    { ruleId: "eviction-policy", severity: "fail", title: "volatile-lru" },
  ],
  auditedAt: "2026-01-15T12:00:00.000Z",
  staleReason: "AccessDenied: role not trusted",
  owner: {
    tool: "cloudformation",
    stack: "jobs-stack",
    logicalId: "JobsGroup",
    evidence: "ListStackResources",
  },
};

describe("audit CSV", () => {
  it.each([
    { value: "plain", cell: `"plain"` },
    { value: "a,b", cell: `"a,b"` },
    { value: `say "hi"`, cell: `"say ""hi"""` },
    { value: "two\nlines", cell: `"two\nlines"` },
    { value: " padded", cell: `" padded"` },
    { value: "=HYPERLINK(1)", cell: `"'=HYPERLINK(1)"` },
    { value: "-1+2", cell: `"'-1+2"` },
    // A locale that splits on `;`, or an importer that splits on tabs, must not find a formula either.
    { value: "pay;=1+2;", cell: `"pay;'=1+2;"` },
    { value: ";=1+2", cell: `"';'=1+2"` },
    { value: "\t=1+2", cell: `"'\t'=1+2"` },
    { value: "a\t@SUM(A1)", cell: `"a\t'@SUM(A1)"` },
    { value: "x\n+1", cell: `"x\n'+1"` },
    { value: "a;b", cell: `"a;b"` },
    { value: 6379, cell: `"6379"` },
    { value: undefined, cell: `""` },
  ])("escapes $value", ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("writes a header and one row per cluster, a cell under each header", () => {
    const [header, row, end] = toCsv([cluster]).split("\r\n");
    expect(header).toBe(CSV_COLUMNS.join(","));
    expect(CSV_COLUMNS).toEqual([
      "account_id",
      "account_name",
      "region",
      "name",
      "kind",
      "verdict",
      "engine",
      "engine_version",
      "status",
      "vpc_id",
      "port",
      "parameter_group",
      "maxmemory_policy",
      "owner",
      "fails",
      "warnings",
      "unknowns",
      "findings",
      "audited_at",
      "stale_reason",
    ]);
    expect(row).toBe(
      `"210987654321","staging, EU","eu-west-1","jobs","replication-group","needs-changes","redis","7.1.0","available","","6379","default.redis7","volatile-lru","cloudformation jobs-stack/JobsGroup","1","1","0",` +
        `"[fail] eviction-policy: volatile-lru | [warn] network-ingress: Open to 0.0.0.0/0 | [info] cluster-mode-hash-tag: Use a hash tag",` +
        `"2026-01-15T12:00:00.000Z","AccessDenied: role not trusted"`,
    );
    expect(parseCsv(toCsv([cluster]))[1]![1]).toBe("staging, EU");
    expect(end).toBe("");
  });

  it("names the owner: a Terraform address (or that it is unknown), unknown with its reason, nobody", () => {
    const ownerOf = (owner: CsvCluster["owner"]) =>
      parseCsv(toCsv([{ ...cluster, accountName: "staging", owner }]))[1]![13];
    expect(
      ownerOf({
        tool: "terraform",
        address: "module.q.aws_elasticache_replication_group.main",
        evidence: "",
      }),
    ).toBe("terraform module.q.aws_elasticache_replication_group.main");
    expect(ownerOf({ tool: "terraform", evidence: "Managed by Terraform" })).toBe(
      "terraform (address unknown)",
    );
    expect(ownerOf({ tool: "unknown", evidence: "no cloudformation:ListStacks" })).toBe(
      "unknown: no cloudformation:ListStacks",
    );
    expect(ownerOf(null)).toBe("");
  });

  it("writes only the header when there is no cluster", () => {
    expect(toCsv([])).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
  });
});
