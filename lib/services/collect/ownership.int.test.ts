/**
 * Owners read from the sandbox's seeded stacks (SEED.md, "CloudFormation") and from a Terraform state file:
 * once per account-region, whatever the number of clusters; unknown with the reason when CloudFormation
 * cannot be read.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditRegion } from "@/lib/core/readiness/audit";
import type { ClusterAudit } from "@/lib/core/readiness/types";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { collect } from "./collect";
import { stateFiles, TERRAFORM_STATE_ENV } from "./ownership";

const h = sandboxPerFile();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qr-tfstate-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const byName = (clusters: ClusterAudit[], name: string) => clusters.find((c) => c.name === name)!;

function withEnv<T>(value: string | undefined, run: () => Promise<T>): Promise<T> {
  const before = process.env[TERRAFORM_STATE_ENV];
  if (value === undefined) delete process.env[TERRAFORM_STATE_ENV];
  else process.env[TERRAFORM_STATE_ENV] = value;
  return run().finally(() => {
    if (before === undefined) delete process.env[TERRAFORM_STATE_ENV];
    else process.env[TERRAFORM_STATE_ENV] = before;
  });
}

describe("who owns each cluster", () => {
  it("names the stack of orders-redis7 and secure-redis7's group, reading the stacks once for the region", async () => {
    const { access, requests } = h.context("us-east-1");
    const audit = await withEnv(undefined, async () => auditRegion(await collect(access)));
    expect(requests.ListStacks).toBe(1);
    expect(requests.ListStackResources).toBe(2); // the two live stacks; the deleted one is not read
    const orders = byName(audit.clusters, "orders-redis7");
    expect(orders.owner).toMatchObject({
      tool: "cloudformation",
      stack: "orders-cache",
      logicalId: "OrdersReplicationGroup",
    });
    expect(orders.partOwners).toEqual([
      { kind: "parameter-group", id: "default.redis7", owner: null },
      {
        kind: "subnet-group",
        id: "prod-cache-subnets",
        owner: expect.objectContaining({ stack: "orders-cache", logicalId: "CacheSubnetGroup" }),
      },
      {
        kind: "security-group",
        id: "sg-0cache00000000001",
        owner: expect.objectContaining({ stack: "orders-cache", logicalId: "CacheSecurityGroup" }),
      },
    ]);
    const secure = byName(audit.clusters, "secure-redis7");
    expect(secure.owner?.stack).toBe("secure-cache");
    expect(secure.partOwners[0]).toMatchObject({ id: "secure-noeviction", owner: { stack: "secure-cache" } });
    // Its stack was deleted: nobody owns sessions-redis62 any more.
    expect(byName(audit.clusters, "sessions-redis62").owner).toBeNull();
    expect(byName(audit.clusters, "standalone-redis").owner).toBeNull();
    expect(audit.problems).toEqual([]);
  });

  it("without CloudFormation read access the owner is unknown with the reason, and the tags still tell", async () => {
    h.sandbox.control.addFault({ operation: "ListStacks", kind: "access-denied" });
    try {
      const { access } = h.context("us-east-1");
      const audit = await withEnv(undefined, async () => auditRegion(await collect(access)));
      const orders = byName(audit.clusters, "orders-redis7");
      expect(orders.owner).toEqual({
        tool: "unknown",
        evidence: expect.stringContaining("cloudformation:ListStacks"),
      });
      // The security group carries the aws:cloudformation:* tags: that owner is still known.
      expect(orders.partOwners.find((p) => p.kind === "security-group")?.owner).toMatchObject({
        tool: "cloudformation",
        stack: "orders-cache",
      });
      expect(byName(audit.clusters, "sessions-redis62").owner?.tool).toBe("unknown");
      expect(audit.problems.map((p) => p.iamAction)).toContain("cloudformation:ListStacks");
      // Readiness is untouched.
      expect(orders.verdict).toBe("needs-changes");
    } finally {
      h.sandbox.control.clearFaults();
    }
  });

  it("reads Terraform states from QUEUEREADY_TERRAFORM_STATE globs; a bad file is named and the rest still read", async () => {
    const good = {
      version: 4,
      terraform_version: "1.9.8",
      resources: [
        {
          module: "module.jobs",
          mode: "managed",
          type: "aws_elasticache_replication_group",
          name: "this",
          instances: [
            {
              attributes: {
                id: "jobs-valkey8",
                arn: "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:jobs-valkey8",
              },
            },
          ],
        },
        {
          mode: "managed",
          type: "aws_elasticache_replication_group",
          name: "eu",
          instances: [
            {
              attributes: {
                id: "jobs-valkey8",
                arn: "arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:jobs-valkey8",
              },
            },
          ],
        },
      ],
    };
    fs.mkdirSync(path.join(dir, "envs/prod"), { recursive: true });
    fs.writeFileSync(path.join(dir, "envs/prod/terraform.tfstate"), JSON.stringify(good));
    fs.writeFileSync(path.join(dir, "envs/broken.tfstate"), "<html>not a state</html>");
    expect(stateFiles(`${dir}/envs/**/*.tfstate`).files).toEqual([
      path.join(dir, "envs/broken.tfstate"),
      path.join(dir, "envs/prod/terraform.tfstate"),
    ]);
    const { access } = h.context("us-east-1");
    const audit = await withEnv(`${dir}/envs/**/*.tfstate`, async () => auditRegion(await collect(access)));
    expect(byName(audit.clusters, "jobs-valkey8").owner).toMatchObject({
      tool: "terraform",
      address: "module.jobs.aws_elasticache_replication_group.this",
      stateFile: path.join(dir, "envs/prod/terraform.tfstate"),
    });
    expect(byName(audit.clusters, "orders-redis7").owner?.stack).toBe("orders-cache");
    // Nothing claims it, but the broken file might have: unknown, naming the file.
    expect(byName(audit.clusters, "standalone-redis").owner).toEqual({
      tool: "unknown",
      evidence: expect.stringContaining(
        `Terraform state ${path.join(dir, "envs/broken.tfstate")} is not JSON`,
      ),
    });
    expect(audit.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("envs/broken.tfstate is not JSON"),
    ]);
  });
});
