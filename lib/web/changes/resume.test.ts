import { describe, expect, it } from "vitest";
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import type { WizardChoices } from "@/lib/core/plan";
import { choicesOf } from "@/lib/web/wizard/choices";
import { canResume, resumeParams } from "./resume";

const choices: WizardChoices = {
  target: { region: "us-east-1", kind: "cache-cluster", id: "standalone-redis" },
  network: {
    securityGroup: { mode: "new", name: "queueready-standalone-redis" },
    source: { kind: "cidr", cidr: "10.1.0.0/16" },
  },
  parameterGroup: { mode: "create", name: "bullmq-redis7-noeviction" },
};
const target = {
  accountId: "210987654321",
  region: "us-east-1",
  kind: "cache-cluster",
  id: "standalone-redis",
} as const;
const run = (id: string, c: WizardChoices = choices) => ({
  id,
  target,
  plan: { choices: c } as ApplyRun["plan"],
});

describe("resumeParams: the same choices, previewed again with the run's id", () => {
  it("keeps every answer (the new group's name included) and adds resume=<run id>", () => {
    const params = resumeParams(run("20261129t230000-abcdef"));
    // The run's account comes along even though its choices left it to the credentials.
    expect(params).toEqual({
      account: "210987654321",
      region: "us-east-1",
      kind: "cache-cluster",
      id: "standalone-redis",
      sg: "new",
      sgName: "queueready-standalone-redis",
      src: "cidr",
      cidr: "10.1.0.0/16",
      pg: "create",
      pgName: "bullmq-redis7-noeviction",
      resume: "20261129t230000-abcdef",
    });
    expect(choicesOf(params)).toEqual({
      ok: true,
      value: {
        ...choices,
        target: { ...choices.target, accountId: "210987654321" },
        resume: { runId: "20261129t230000-abcdef" },
      },
    });
  });

  it("a resume of a resume names the first run (whose id every resource of the chain carries)", () => {
    const second = run("20261129t231000-000002", { ...choices, resume: { runId: "20261129t230000-000001" } });
    expect(resumeParams(second).resume).toBe("20261129t230000-000001");
  });

  it("only a run that stopped can be resumed", () => {
    expect(
      ["failed", "interrupted", "timed-out", "succeeded", "running"].filter((s) =>
        canResume({ status: s as ApplyRun["status"] }),
      ),
    ).toEqual(["failed", "interrupted", "timed-out"]);
  });
});
