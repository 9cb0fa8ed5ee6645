import { describe, expect, it } from "vitest";
import type { ApplyRun, StepRecord } from "@/lib/apply";
import type { WizardChoices } from "@/lib/plan";
import { resumeParams } from "@/lib/wizard/resume";

const choices: WizardChoices = {
  target: { region: "us-east-1", kind: "cache-cluster", id: "standalone-redis" },
  network: {
    securityGroup: { mode: "new", name: "queueready-standalone-redis" },
    source: { kind: "cidr", cidr: "10.1.0.0/16" },
  },
  parameterGroup: { mode: "create", name: "bullmq-redis7-noeviction" },
};

function run(
  statuses: Record<string, StepRecord["status"]>,
  created: ApplyRun["created"] = [],
): Pick<ApplyRun, "plan" | "steps" | "created"> {
  const steps = Object.entries(statuses).map(
    ([id, status]) => ({ id, title: id, operation: "x", status }) as StepRecord,
  );
  return { plan: { choices } as ApplyRun["plan"], steps, created };
}

const sg = {
  type: "security-group",
  region: "us-east-1",
  groupId: "sg-0new",
  name: "queueready-standalone-redis",
  vpcId: "vpc-1",
  createdAt: "t",
} as const;

describe("resumeParams", () => {
  it("keeps the answers when nothing was created", () => {
    expect(resumeParams(run({ "create-security-group": "failed" }))).toEqual({
      region: "us-east-1",
      kind: "cache-cluster",
      id: "standalone-redis",
      sg: "new",
      sgName: "queueready-standalone-redis",
      src: "cidr",
      cidr: "10.1.0.0/16",
      pg: "create",
      pgName: "bullmq-redis7-noeviction",
    });
  });

  it("takes up the created security group and a group that already has noeviction", () => {
    const r = run(
      {
        "create-security-group": "done",
        "authorize-ingress": "done",
        "create-parameter-group": "done",
        "modify-parameter-group": "done",
        "modify-cache-cluster": "failed",
      },
      [sg],
    );
    expect(resumeParams(r)).toEqual({
      region: "us-east-1",
      kind: "cache-cluster",
      id: "standalone-redis",
      sg: "existing",
      sgId: "sg-0new",
      src: "cidr",
      cidr: "10.1.0.0/16",
      pg: "reuse",
      pgName: "bullmq-redis7-noeviction",
    });
  });

  it("edits its own created group when it stopped before setting noeviction", () => {
    const r = run({ "create-parameter-group": "done", "modify-parameter-group": "failed" });
    expect(resumeParams(r)).toMatchObject({ pg: "edit-shared", pgName: "bullmq-redis7-noeviction" });
    expect(resumeParams(r).confirm).toBeUndefined();
  });
});
