/**
 * `npm run plan -- --cluster ID --format terraform|cloudformation --out FILE` against the sandbox: the seeded
 * stack's cluster gets a CloudFormation fragment that changes its logical id, a cluster a Terraform state
 * declares gets HCL that changes its address; both are read back with real parsers. No AWS write is made.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse as parseHcl } from "@cdktf/hcl2json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { TERRAFORM_STATE_ENV } from "@/lib/services/collect/ownership";
import { captureIo, sandboxCliEnv } from "@/tools/testing/cli-helpers";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { runPlanCli } from "./run-plan";

const h = sandboxPerFile();
let dir: string;
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "qr-cli-iac-"));
  const state = {
    version: 4,
    terraform_version: "1.9.8",
    resources: [
      {
        module: "module.cache",
        mode: "managed",
        type: "aws_elasticache_replication_group",
        name: "this",
        instances: [
          {
            attributes: {
              id: "events-cluster",
              arn: "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:events-cluster",
            },
          },
        ],
      },
    ],
  };
  await writeFile(path.join(dir, "prod.tfstate"), JSON.stringify(state));
  process.env[TERRAFORM_STATE_ENV] = path.join(dir, "prod.tfstate");
});
afterAll(async () => {
  delete process.env[TERRAFORM_STATE_ENV];
  await rm(dir, { recursive: true, force: true });
});

async function plan(args: string[]) {
  const { out, io } = captureIo();
  const env = sandboxCliEnv({
    endpoint: h.sandbox.url,
    home: dir,
    extra: { QUEUEREADY_DATA_DIR: path.join(dir, "data") },
  });
  return { code: await runPlanCli(args, env, io, { settings: h.settings }), ...out };
}

const writes = () =>
  Object.keys(h.sandbox.control.calls()).filter((c) =>
    /:(Create|Modify|Authorize|Add|Delete|Revoke)/.test(c),
  );

describe("npm run plan --format", () => {
  it("writes the CloudFormation change for the stack that owns orders-redis7, with no AWS write", async () => {
    h.sandbox.control.reset();
    h.sandbox.control.resetCalls();
    const out = path.join(dir, "orders.yaml");
    const r = await plan([
      "--cluster",
      "orders-redis7",
      "--region",
      "us-east-1",
      "--format",
      "cloudformation",
      "--out",
      out,
    ]);
    expect(r.stderr).not.toContain("by a guess");
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`to ${out}`);
    const doc = parseYaml(await readFile(out, "utf8"), { version: "1.1" }) as Doc;
    expect(doc.Metadata.QueueReady.Stack).toBe("orders-cache");
    const change = doc.Resources.OrdersReplicationGroup;
    expect(change.Type).toBe("AWS::ElastiCache::ReplicationGroup");
    const group = doc.Resources[change.Properties.CacheParameterGroupName.Ref];
    expect(group.Type).toBe("AWS::ElastiCache::ParameterGroup");
    expect(group.Properties).toMatchObject({
      CacheParameterGroupFamily: "redis7",
      Properties: { "maxmemory-policy": "noeviction" },
    });
    expect(writes()).toEqual([]);
  });

  it("writes the Terraform change at the address the state gives events-cluster", async () => {
    const r = await plan(["--cluster", "events-cluster", "--region", "us-east-1", "--format", "terraform"]);
    expect(r.code, r.stderr).toBe(1);
    const doc = (await parseHcl("fix.tf", r.stdout)) as Doc;
    const change = doc.resource.aws_elasticache_replication_group.this[0];
    expect(change.apply_immediately).toBe(true);
    const [name, [group]] = Object.entries(doc.resource.aws_elasticache_parameter_group)[0] as [
      string,
      Doc[],
    ];
    expect(change.parameter_group_name).toBe(`\${aws_elasticache_parameter_group.${name}.name}`);
    expect(group!.family).toBe("redis7");
    expect(group!.parameter).toContainEqual({ name: "maxmemory-policy", value: "noeviction" });
    // A cluster-mode group must say so before it is attached.
    expect(group!.parameter).toContainEqual({ name: "cluster-enabled", value: "yes" });
    expect(r.stdout).toContain("module.cache");
  });

  it("refuses a format it does not know and more than one cluster, before any AWS call", async () => {
    h.sandbox.control.resetCalls();
    const bad = await plan(["--cluster", "orders-redis7", "--format", "pulumi"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("must be terraform or cloudformation");
    const all = await plan(["--all", "--format", "terraform"]);
    expect(all.code).toBe(2);
    expect(all.stderr).toContain("one cluster");
    expect(h.sandbox.control.calls()).toEqual({});
  });
});
