/**
 * The IAM side of each plan step: the principal it runs as (the account's apply role, or QueueReady's own
 * credentials) and the actions that principal needs for it, so whoever owns the role can grant exactly
 * that. Tagging on create needs its own action on every service (ec2:CreateTags for TagSpecifications,
 * elasticache:AddTagsToResource, memorydb:TagResource and cloudwatch:TagResource for Tags on a create call). Pure: the role comes from the caller.
 */
import type { PlanStep } from "./types";

export interface StepPolicy {
  /** The role ARN the step's call is made with, or a phrase naming QueueReady's own credentials. */
  runsAs: string;
  /** IAM actions, `service:Operation`, in the order they are used. */
  actions: string[];
}

/**
 * The second action tags on a create are authorized as. CloudWatch: PutMetricAlarm with Tags needs
 * cloudwatch:TagResource too (AWS's PutMetricAlarm reference says so).
 */
const TAG_ON_CREATE: Record<PlanStep["service"], string> = {
  ec2: "ec2:CreateTags",
  elasticache: "elasticache:AddTagsToResource",
  memorydb: "memorydb:TagResource",
  cloudwatch: "cloudwatch:TagResource",
};

export function stepActions(step: PlanStep): string[] {
  const main = `${step.service}:${step.operation}`;
  if (!step.tags || step.tags.length === 0) return [main];
  return [main, TAG_ON_CREATE[step.service]];
}

export function stepPolicy(step: PlanStep, runsAs: string): StepPolicy {
  return { runsAs, actions: stepActions(step) };
}

/** An identity-based policy statement for the role: the step's actions, allowed (no-op steps send nothing). */
export function policyDocument(steps: PlanStep[]): { Version: string; Statement: object[] } {
  const actions = [...new Set(steps.filter((s) => s.action !== "no-op").flatMap(stepActions))];
  return {
    Version: "2012-10-17",
    Statement: actions.length > 0 ? [{ Effect: "Allow", Action: actions, Resource: "*" }] : [],
  };
}
