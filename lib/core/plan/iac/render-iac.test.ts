/**
 * The fix as code, for every kind of plan the planner makes (generated, tools/testing/plan-cases.ts): the
 * Terraform is read back by HashiCorp's HCL grammar (@cdktf/hcl2json) and the CloudFormation by a YAML
 * parser, and each must hold the plan: every resource it creates, every value it sets, the change to the
 * owner's resource at its address or logical id, imports of what QueueReady created, and references that
 * resolve to something declared.
 */
import fc from "fast-check";
import { parse as parseHcl } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Owner } from "@/lib/core/model/ownership";
import { isStepRef, type Plan, type PlanStep } from "@/lib/core/plan";
import { caseArb, planFeatures, planOf } from "@/tools/testing/plan-cases";
import { renderFixAsCode, type IacContext } from "./index";
import { hclString } from "./hcl";

const RUNS = 120;

type Step<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;
const stepOf = <K extends PlanStep["kind"]>(plan: Plan, kind: K) =>
  plan.steps.find((s): s is Step<K> => s.kind === kind);

const tfOwner = (plan: Plan): Owner => ({
  tool: "terraform",
  address: `module.cache.${plan.target.kind === "replication-group" ? "aws_elasticache_replication_group" : "aws_elasticache_cluster"}.main["orders"]`,
  stateFile: "prod.tfstate",
  evidence: "test",
});
const CFN_OWNER: Owner = {
  tool: "cloudformation",
  stack: "orders-cache",
  logicalId: "OrdersRG",
  evidence: "test",
};

type OwnerTool = "terraform" | "cloudformation" | "none";
const partName = (id: string) => id.replace(/[^A-Za-z0-9]/g, "");
const TF_PART_TYPES = {
  "security-group": "aws_security_group",
  "parameter-group": "aws_elasticache_parameter_group",
};

/** The target and its groups declared by one owner (the groups beside the target: same module, same stack). */
function contextOf(plan: Plan, owner: OwnerTool): IacContext {
  return {
    plan,
    ownerOf: (kind, id) => {
      if (owner === "none") return null;
      if (id === plan.target.id) return owner === "terraform" ? tfOwner(plan) : CFN_OWNER;
      if (kind !== "security-group" && kind !== "parameter-group") return null;
      return owner === "terraform"
        ? {
            tool: "terraform",
            address: `module.cache.${TF_PART_TYPES[kind]}.p_${partName(id)}`,
            evidence: "test",
          }
        : {
            tool: "cloudformation",
            stack: "orders-cache",
            logicalId: `Part${partName(id)}`,
            evidence: "test",
          };
    },
  };
}

/** How a file names an existing group: the owner's declaration when it sits beside the target, else its id. */
function existingHcl(kind: keyof typeof TF_PART_TYPES, id: string, owner: OwnerTool, attr: "id" | "name") {
  return owner === "terraform" ? `\${${TF_PART_TYPES[kind]}.p_${partName(id)}.${attr}}` : id;
}
function existingCfn(kind: keyof typeof TF_PART_TYPES, id: string, owner: OwnerTool) {
  if (owner !== "cloudformation") return id;
  return kind === "security-group"
    ? { "Fn::GetAtt": [`Part${partName(id)}`, "GroupId"] }
    : { Ref: `Part${partName(id)}` };
}

/** The values a plan puts in a parameter group: what its modify step's changes end with. */
function wantedValues(plan: Plan): Record<string, string> {
  const modify = stepOf(plan, "modify-parameter-group");
  return Object.fromEntries(
    (modify?.changes ?? []).flatMap((c) => (c.after === null ? [] : [[c.attribute, c.after]])),
  );
}

type Hcl = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `${aws_x.y.id}` → `aws_x.y`; every such reference must name a declared resource. */
function references(doc: unknown): string[] {
  return [...JSON.stringify(doc).matchAll(/\$\{(aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}/g)].map(
    (m) => m[1]!,
  );
}

async function checkTerraform(plan: Plan, owner: OwnerTool) {
  const text = renderFixAsCode("terraform", contextOf(plan, owner));
  const doc = (await parseHcl("fix.tf", text)) as Hcl;
  const resources: Hcl = doc.resource ?? {};
  const one = (type: string) => {
    const byName = resources[type] ?? {};
    const names = Object.keys(byName);
    return names.map((n) => ({ name: n, body: byName[n][0] as Hcl }));
  };
  const declared = new Set(
    Object.entries(resources).flatMap(([type, byName]) =>
      Object.keys(byName as Hcl).map((n) => `${type}.${n}`),
    ),
  );
  for (const ref of references(doc))
    if (!/^aws_(security_group|elasticache_parameter_group)\.p_/.test(ref))
      expect(declared, text).toContain(ref);
  const imports: Hcl[] = doc.import ?? [];
  // Editing a shared group changes its other clusters too: the code says which, for either service.
  for (const step of plan.steps)
    if (
      (step.kind === "modify-parameter-group" || step.kind === "update-memorydb-parameter-group") &&
      step.action !== "no-op"
    )
      for (const other of step.touches) expect(text).toContain(other);

  const sg = stepOf(plan, "create-security-group");
  if (sg) {
    const [r] = one("aws_security_group");
    expect(r?.body).toMatchObject({ name: sg.input.groupName, vpc_id: sg.input.vpcId });
    if (sg.input.existingId) expect(imports.map((i) => i.id)).toContain(sg.input.existingId);
  }
  const rule = stepOf(plan, "authorize-ingress");
  const rules = one("aws_vpc_security_group_ingress_rule");
  if (rule && (rule.action !== "no-op" || isStepRef(rule.input.groupId))) {
    const body = rules[0]!.body;
    expect(body).toMatchObject({ ip_protocol: "tcp", from_port: rule.input.port, to_port: rule.input.port });
    const s = rule.input.source;
    const want =
      s.kind === "cidr"
        ? { cidr_ipv4: s.cidr }
        : s.kind === "cidr6"
          ? { cidr_ipv6: s.cidr }
          : s.kind === "prefix-list"
            ? { prefix_list_id: s.prefixListId }
            : { referenced_security_group_id: s.ownerId ? `${s.ownerId}/${s.groupId}` : s.groupId };
    expect(body).toMatchObject(want);
    if (!isStepRef(rule.input.groupId))
      expect(body.security_group_id).toBe(existingHcl("security-group", rule.input.groupId, owner, "id"));
    if (rule.input.existingRuleId) expect(imports.map((i) => i.id)).toContain(rule.input.existingRuleId);
  } else expect(rules).toEqual([]);

  const create = stepOf(plan, "create-parameter-group");
  const groups = one("aws_elasticache_parameter_group");
  if (create) {
    const created = groups.find((g) => g.body.name === create.input.name)!;
    expect(created.body.family).toBe(create.input.family);
    const params = Object.fromEntries((created.body.parameter ?? []).map((p: Hcl) => [p.name, p.value]));
    expect(params).toEqual(wantedValues(plan));
    expect(params["maxmemory-policy"]).toBe("noeviction");
    if (plan.target.clusterEnabled) expect(params["cluster-enabled"]).toBe("yes");
    if (create.action === "no-op") expect(imports.map((i) => i.id)).toContain(create.input.name);
  }
  const modify = plan.steps.find(
    (s) => s.kind === "modify-replication-group" || s.kind === "modify-cache-cluster",
  ) as Step<"modify-replication-group"> | undefined;
  const type =
    plan.target.kind === "replication-group"
      ? "aws_elasticache_replication_group"
      : "aws_elasticache_cluster";
  if (modify && modify.action !== "no-op") {
    const name = owner === "terraform" ? "main" : plan.target.id.replace(/[^A-Za-z0-9_]+/g, "_");
    const change = resources[type]?.[name]?.[0] as Hcl;
    expect(change, text).toBeDefined();
    expect(change.apply_immediately).toBe(true);
    const pg = modify.input.cacheParameterGroupName;
    if (pg !== undefined) {
      const created = create && create.input.name === pg;
      expect(change.parameter_group_name).toBe(
        created
          ? `\${aws_elasticache_parameter_group.${groups[0]!.name}.name}`
          : existingHcl("parameter-group", pg, owner, "name"),
      );
    }
    if (modify.input.securityGroupIds) {
      expect(change.security_group_ids).toHaveLength(modify.input.securityGroupIds.length);
      for (const [i, g] of modify.input.securityGroupIds.entries())
        if (!isStepRef(g))
          expect(change.security_group_ids[i]).toBe(existingHcl("security-group", g, owner, "id"));
    }
    // What the fix adds sits beside the owner's declaration: imports name it in the owner's module.
    if (owner === "terraform") for (const i of imports) expect(i.to).toMatch(/^\$\{module\.cache\./);
  }
  return text;
}

async function checkCloudFormation(plan: Plan, owner: OwnerTool) {
  const text = renderFixAsCode("cloudformation", contextOf(plan, owner));
  // YAML 1.1, as CloudFormation reads it: an unquoted `yes` would be a boolean there.
  const doc = parseYaml(text, { version: "1.1" }) as Hcl;
  expect(doc.AWSTemplateFormatVersion).toBe("2010-09-09");
  const resources: Hcl = doc.Resources;
  const byType = (type: string) => Object.entries(resources).filter(([, r]) => (r as Hcl).Type === type);
  // Every Ref and GetAtt names a resource of the fragment (or of the owner's stack: the changed one).
  for (const m of JSON.stringify(resources).matchAll(/"(?:Ref|Fn::GetAtt)":\s*\[?"([A-Za-z0-9]+)"/g))
    if (!m[1]!.startsWith("Part")) expect(Object.keys(resources)).toContain(m[1]);
  const imported = (doc.Metadata.QueueReady.ResourcesToImport as Hcl[]).map((i) => i.LogicalResourceId);
  for (const id of imported) expect(resources[id].DeletionPolicy).toBe("Retain");

  const create = stepOf(plan, "create-parameter-group");
  if (create) {
    const [[id, pg]] = byType("AWS::ElastiCache::ParameterGroup") as [[string, Hcl]];
    expect(pg.Properties.CacheParameterGroupFamily).toBe(create.input.family);
    expect(pg.Properties.Properties).toEqual(wantedValues(plan));
    expect(imported.includes(id)).toBe(create.action === "no-op");
  }
  const rule = stepOf(plan, "authorize-ingress");
  if (rule && (rule.action !== "no-op" || isStepRef(rule.input.groupId))) {
    const [[, r]] = byType("AWS::EC2::SecurityGroupIngress") as [[string, Hcl]];
    expect(r.Properties).toMatchObject({
      IpProtocol: "tcp",
      FromPort: rule.input.port,
      ToPort: rule.input.port,
    });
    const s = rule.input.source;
    if (s.kind === "cidr") expect(r.Properties.CidrIp).toBe(s.cidr);
    if (s.kind === "cidr6") expect(r.Properties.CidrIpv6).toBe(s.cidr);
    if (s.kind === "security-group") expect(r.Properties.SourceSecurityGroupId).toBe(s.groupId);
    if (!isStepRef(rule.input.groupId))
      expect(r.Properties.GroupId).toEqual(existingCfn("security-group", rule.input.groupId, owner));
  } else expect(byType("AWS::EC2::SecurityGroupIngress")).toEqual([]);
  const modify = plan.steps.find(
    (s) => s.kind === "modify-replication-group" || s.kind === "modify-cache-cluster",
  );
  if (modify && modify.action !== "no-op" && owner === "cloudformation") {
    expect(resources.OrdersRG.Type).toBe(
      plan.target.kind === "replication-group"
        ? "AWS::ElastiCache::ReplicationGroup"
        : "AWS::ElastiCache::CacheCluster",
    );
    expect(doc.Metadata.QueueReady.Stack).toBe("orders-cache");
  }
}

describe("the fix as code holds every kind of plan the planner makes", () => {
  it(`Terraform parses (HCL) and CloudFormation parses (YAML) with the plan in them (${RUNS} generated cases)`, async () => {
    const seen = new Set<string>();
    let count = 0;
    await fc.assert(
      fc.asyncProperty(
        caseArb,
        fc.constantFrom("terraform", "cloudformation", "none" as const),
        async (c, owner) => {
          const planned = planOf(c);
          fc.pre(planned !== undefined);
          count++;
          for (const f of planFeatures(planned.plan)) seen.add(f);
          await checkTerraform(planned.plan, owner);
          await checkCloudFormation(planned.plan, owner);
        },
      ),
      { numRuns: RUNS, seed: 20261205, maxSkipsPerRun: 20 },
    );
    expect(count).toBe(RUNS);
    for (const f of [
      "step:create-parameter-group",
      "existingId",
      "source:cidr6",
      "revert",
      "ref:securityGroupIds",
      "touches",
    ])
      expect([...seen]).toContain(f);
  }, 60_000);
});

describe("HCL strings", () => {
  it("keeps ${ and %{ literal, so a value is never read as a template", async () => {
    const doc = await parseHcl("x.tf", `locals {\n  a = ${hclString('x ${var.y} %{if} "q" \\')}\n}\n`);
    expect((doc as Hcl).locals[0].a).toBe('x $${var.y} %%{if} "q" \\');
  });
});
