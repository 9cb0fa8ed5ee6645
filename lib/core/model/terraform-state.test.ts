import { describe, expect, it } from "vitest";
import { parseTerraformState } from "./terraform-state";

const state = (resources: unknown[], version: unknown = 4) =>
  JSON.stringify({ version, terraform_version: "1.9.8", serial: 3, lineage: "x", outputs: {}, resources });

const rg = {
  module: "module.queue",
  mode: "managed",
  type: "aws_elasticache_replication_group",
  name: "main",
  provider: 'provider["registry.terraform.io/hashicorp/aws"]',
  instances: [
    {
      schema_version: 2,
      attributes: {
        id: "jobs-valkey8",
        arn: "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:jobs-valkey8",
      },
    },
  ],
};

describe("Terraform state v4", () => {
  it("maps managed ElastiCache and security-group instances to their address, id, account and region", () => {
    const sg = {
      mode: "managed",
      type: "aws_security_group",
      name: "cache",
      instances: [
        {
          index_key: "a",
          attributes: { id: "sg-1", arn: "arn:aws:ec2:eu-west-1:210987654321:security-group/sg-1" },
        },
        {
          index_key: 1,
          attributes: { id: "sg-2", arn: "arn:aws:ec2:eu-west-1:210987654321:security-group/sg-2" },
        },
      ],
    };
    const data = { ...rg, mode: "data", name: "lookup" };
    const other = { ...rg, type: "aws_s3_bucket" };
    const parsed = parseTerraformState(state([rg, sg, data, other]), "prod.tfstate");
    expect(parsed).toEqual({
      resources: [
        {
          address: "module.queue.aws_elasticache_replication_group.main",
          type: "aws_elasticache_replication_group",
          id: "jobs-valkey8",
          accountId: "123456789012",
          region: "us-east-1",
          stateFile: "prod.tfstate",
        },
        expect.objectContaining({ address: 'aws_security_group.cache["a"]', accountId: "210987654321" }),
        expect.objectContaining({ address: "aws_security_group.cache[1]", id: "sg-2", region: "eu-west-1" }),
      ],
      problems: [],
      warnings: [],
    });
  });

  it("says which file is not JSON, has another version, or has a resource without an arn; never throws", () => {
    expect(parseTerraformState("{not json", "a.tfstate").problems[0]).toMatch(
      /^Terraform state a.tfstate is not JSON/,
    );
    expect(parseTerraformState(state([], 3), "b.tfstate").problems).toEqual([
      expect.stringMatching(/^Terraform state b.tfstate has format version 3; QueueReady reads version 4/),
    ]);
    expect(parseTerraformState("[]", "c.tfstate").problems).toEqual([
      "Terraform state c.tfstate is not a state object.",
    ]);
    const noArn = { ...rg, instances: [{ attributes: { id: "orders-redis7" } }, ...rg.instances] };
    const parsed = parseTerraformState(state([noArn]), "d.tfstate");
    expect(parsed.resources.map((r) => r.id)).toEqual(["jobs-valkey8"]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toEqual([
      "Terraform state d.tfstate: module.queue.aws_elasticache_replication_group.main has no AWS arn, so its account and region are unknown; it is left out.",
    ]);
  });
});
