/**
 * The binding preview: read live state, compute the plan, ask EC2 (DryRun) whether the credentials may
 * make its EC2 calls, and record it so apply can hold the operator to exactly this plan.
 */
import { checkEc2Permission } from "@/lib/adapters/aws/ec2/permission";
import { createAwsContext, type AwsContext } from "@/lib/adapters/aws/context";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { isStepRef, type FieldErrors, type Plan, type WizardChoices } from "@/lib/core/plan";
import { refOf } from "@/lib/core/identity/identity";
import type { FocusedSnapshot } from "@/lib/core/model/snapshot";
import { auditTarget } from "@/lib/core/readiness";
import type { ConnectionInfo } from "@/lib/core/readiness/types";
import { planFromLiveState, scopeFor } from "./plan-live";
import { dbOf } from "@/lib/adapters/db";
import { savePreview, type StoredPreview } from "@/lib/adapters/db/previews";
import type { ApplyOptions } from "./types";
import type { ApplyUser } from "@/lib/adapters/db/run-records";

export interface PermissionCheck {
  stepId: string;
  operation: string;
  result: "allowed" | "denied" | "not-checked";
  /** For denied: the IAM action to grant; for not-checked: why. */
  message: string;
  problem?: AwsProblem;
}

export type PreviewResult =
  | {
      ok: true;
      previewId: string;
      plan: Plan;
      permissions: PermissionCheck[];
      /** How BullMQ connects to the target (its endpoint, TLS, cluster mode), from the same read. */
      connection?: ConnectionInfo;
    }
  | { ok: false; fieldErrors: FieldErrors };

const CLOUDWATCH_NOTE = "CloudWatch has no DryRun: its permissions show only when the call is made.";
const ELASTICACHE_NOTE = "ElastiCache has no DryRun: its permissions show only when the call is made.";

/** EC2 DryRun for each EC2 step that will really run. */
export async function checkPermissions(ctx: AwsContext, plan: Plan): Promise<PermissionCheck[]> {
  const checks = plan.steps
    .filter((s) => s.action !== "no-op")
    .map(async (step): Promise<PermissionCheck> => {
      const base = { stepId: step.id, operation: step.operation };
      let answer;
      if (step.kind === "create-security-group") {
        answer = await checkEc2Permission(ctx, {
          operation: "CreateSecurityGroup",
          vpcId: step.input.vpcId,
          name: step.input.groupName,
          tags: step.tags,
        });
      } else if (step.kind !== "authorize-ingress") {
        const message = step.service === "cloudwatch" ? CLOUDWATCH_NOTE : ELASTICACHE_NOTE;
        return { ...base, result: "not-checked", message };
      } else if (isStepRef(step.input.groupId)) {
        return {
          ...base,
          result: "not-checked",
          message: "The security group does not exist yet, so EC2 cannot dry-run a rule on it.",
        };
      } else {
        const { port, source, description } = step.input;
        answer = await checkEc2Permission(ctx, {
          operation: "AuthorizeSecurityGroupIngress",
          groupId: step.input.groupId,
          rule: { protocol: "tcp", fromPort: port, toPort: port, source, description },
          tags: step.tags,
        });
      }
      return answer.allowed
        ? { ...base, result: "allowed", message: `DryRun: ${step.operation} is allowed.` }
        : { ...base, result: "denied", message: answer.problem.message, problem: answer.problem };
    });
  return Promise.all(checks);
}

function notCheckedForViewers(plan: Plan): PermissionCheck[] {
  return plan.steps
    .filter((s) => s.action !== "no-op")
    .map((s) => ({
      stepId: s.id,
      operation: s.operation,
      result: "not-checked",
      message: "Checked when an operator previews: only an operator's page uses the apply role.",
    }));
}

/**
 * Computes and records a preview. Returns field errors when the choices fail the live checks; AWS read
 * failures that make the plan impossible surface as field errors too (the planner says which read).
 */
export async function previewPlan(
  options: ApplyOptions & {
    choices: WizardChoices;
    user?: ApplyUser;
    /**
     * Whose permissions EC2 DryRun checks: by default the read settings; the apply settings when an
     * operator previews with a separate apply role; `false` when a viewer would need the apply role for it.
     */
    dryRun?: AwsSettings | false;
  },
): Promise<PreviewResult> {
  const access = await scopeFor(options.settings, options.choices);
  let read: FocusedSnapshot | undefined;
  const result = await planFromLiveState(access, options.choices, (s) => (read = s));
  if (!result.ok) return result;
  const connection = read ? auditTarget(read, refOf(result.plan.target))?.connection : undefined;
  const permissions =
    options.dryRun === false
      ? notCheckedForViewers(result.plan)
      : await checkPermissions(
          options.dryRun ? createAwsContext(options.dryRun, result.plan.region) : access.ctx,
          result.plan,
        );
  const stored = await savePreview(await dbOf(options), result.plan, options.user);
  return { ok: true, previewId: stored.id, plan: result.plan, permissions, connection };
}

/**
 * Records a plan computed elsewhere (a plan file) as a preview, so `startApply` holds it to the same
 * fingerprint check, lock and executor as a preview made in the browser.
 */
export async function recordPreview(
  options: Pick<ApplyOptions, "db"> & { plan: Plan; user?: ApplyUser },
): Promise<StoredPreview> {
  return savePreview(await dbOf(options), options.plan, options.user);
}
