/**
 * The plan as a bash script of AWS CLI commands: the same calls with the same parameters, for operators
 * who apply changes through their own pipeline. No-op steps stay in the script, commented out.
 */
import { awsParams } from "./aws-params";
import { stepActions } from "./step-policy";
import type { JsonValue, Plan, PlanStep } from "./types";
import { isStepRef, NEW_SECURITY_GROUP_REF, PARAMETERS_PER_CALL } from "./types";

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one shell word: bare when safe, else single-quoted with embedded quotes escaped. */
export function shellQuote(word: string): string {
  if (word !== "" && SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A parameter value as a shell word: step references become the shell variable the script sets. */
function word(value: JsonValue | undefined): string {
  if (isStepRef(value)) {
    if (value.ref === NEW_SECURITY_GROUP_REF) return '"$SG_ID"';
    throw new Error(`No shell variable for ${value.ref}`);
  }
  if (typeof value === "string") return shellQuote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return shellQuote(JSON.stringify(value));
}

const str = (v: JsonValue | undefined): string => (typeof v === "string" ? v : "");

function commandFor(step: PlanStep, region: string): string[] {
  const p = awsParams(step) as Record<string, JsonValue>;
  const r = ["--region", shellQuote(region)];
  const tags = (step.tags ?? []).map((t) => shellQuote(`Key=${t.key},Value=${t.value}`));
  switch (step.kind) {
    case "create-security-group":
      return [
        "SG_ID=$(aws",
        "ec2",
        "create-security-group",
        ...r,
        "--group-name",
        word(p.GroupName),
        "--description",
        word(p.Description),
        "--vpc-id",
        word(p.VpcId),
        "--tag-specifications",
        word(p.TagSpecifications),
        "--query",
        "GroupId",
        "--output",
        "text)",
      ];
    case "authorize-ingress": {
      const spec = step.tags
        ? [
            "--tag-specifications",
            word([
              {
                ResourceType: "security-group-rule",
                Tags: step.tags.map((t) => ({ Key: t.key, Value: t.value })),
              },
            ]),
          ]
        : [];
      return [
        "aws",
        "ec2",
        "authorize-security-group-ingress",
        ...r,
        "--group-id",
        word(p.GroupId),
        "--ip-permissions",
        word(p.IpPermissions),
        ...spec,
      ];
    }
    case "create-parameter-group":
      return [
        "aws",
        "elasticache",
        "create-cache-parameter-group",
        ...r,
        "--cache-parameter-group-name",
        word(p.CacheParameterGroupName),
        "--cache-parameter-group-family",
        word(p.CacheParameterGroupFamily),
        "--description",
        word(p.Description),
        ...(tags.length ? ["--tags", ...tags] : []),
      ];
    case "modify-parameter-group":
      return parameterBatches(
        ["aws", "elasticache", "modify-cache-parameter-group", ...r, "--cache-parameter-group-name"],
        p.CacheParameterGroupName,
        p,
      );
    case "create-memorydb-parameter-group":
      return [
        "aws",
        "memorydb",
        "create-parameter-group",
        ...r,
        "--parameter-group-name",
        word(p.ParameterGroupName),
        "--family",
        word(p.Family),
        "--description",
        word(p.Description),
        ...(tags.length ? ["--tags", ...tags] : []),
      ];
    case "update-memorydb-parameter-group":
      return parameterBatches(
        ["aws", "memorydb", "update-parameter-group", ...r, "--parameter-group-name"],
        p.ParameterGroupName,
        p,
      );
    case "update-memorydb-cluster": {
      // MemoryDB has no --apply-immediately: the change applies on its own.
      const out = ["aws", "memorydb", "update-cluster", ...r, "--cluster-name", word(p.ClusterName)];
      if (p.ParameterGroupName !== undefined) out.push("--parameter-group-name", word(p.ParameterGroupName));
      if (Array.isArray(p.SecurityGroupIds))
        out.push("--security-group-ids", ...p.SecurityGroupIds.map((id) => word(id)));
      return out;
    }
    case "modify-replication-group":
    case "modify-cache-cluster": {
      const rg = step.kind === "modify-replication-group";
      const out = [
        "aws",
        "elasticache",
        rg ? "modify-replication-group" : "modify-cache-cluster",
        ...r,
        rg ? "--replication-group-id" : "--cache-cluster-id",
        word(rg ? p.ReplicationGroupId : p.CacheClusterId),
      ];
      if (p.CacheParameterGroupName !== undefined)
        out.push("--cache-parameter-group-name", word(p.CacheParameterGroupName));
      if (Array.isArray(p.SecurityGroupIds))
        out.push("--security-group-ids", ...p.SecurityGroupIds.map((id) => word(id)));
      out.push("--apply-immediately");
      return out;
    }
    case "put-metric-alarm": {
      const i = step.input;
      return [
        "aws",
        "cloudwatch",
        "put-metric-alarm",
        ...r,
        "--alarm-name",
        word(i.alarmName),
        "--alarm-description",
        word(i.description),
        "--namespace",
        word(i.namespace),
        "--metric-name",
        word(i.metricName),
        "--dimensions",
        ...i.dimensions.map((d) => shellQuote(`Name=${d.name},Value=${d.value}`)),
        "--statistic",
        i.statistic,
        "--period",
        String(i.period),
        "--evaluation-periods",
        String(i.evaluationPeriods),
        "--datapoints-to-alarm",
        String(i.datapointsToAlarm),
        "--threshold",
        String(i.threshold),
        "--comparison-operator",
        i.comparisonOperator,
        "--treat-missing-data",
        i.treatMissingData,
        // An empty list would be refused by the CLI's parser: no flag means no actions.
        ...(i.alarmActions.length ? ["--alarm-actions", ...i.alarmActions.map(shellQuote)] : []),
        ...(tags.length ? ["--tags", ...tags] : []),
      ];
    }
  }
}

/** One command per 20 values (AWS's limit per call), in order; `head` ends with the group-name flag. */
function parameterBatches(head: string[], groupName: JsonValue | undefined, p: Record<string, JsonValue>) {
  const values = (p.ParameterNameValues as { ParameterName: string; ParameterValue: string }[]).map((v) =>
    shellQuote(`ParameterName=${v.ParameterName},ParameterValue=${v.ParameterValue}`),
  );
  const batches: string[][] = [];
  for (let i = 0; i < values.length; i += PARAMETERS_PER_CALL)
    batches.push(values.slice(i, i + PARAMETERS_PER_CALL));
  return batches.flatMap((batch, i) => [
    ...(i > 0 ? ["\n"] : []),
    ...head,
    word(groupName),
    "--parameter-name-values",
    ...batch,
  ]);
}

/** Words on one line; a `\n` word (between batches of one step) starts the next command on its own line. */
function wrap(words: string[]): string {
  return words.join(" ").replace(/ \n /g, "\n");
}

/** `runsAs`: the principal each call is made with (the apply role), named per step with its IAM actions. */
export function renderCli(plan: Plan, opts: { runsAs?: string } = {}): string {
  const lines = [
    "#!/usr/bin/env bash",
    `# QueueReady plan for ${plan.target.kind} ${plan.target.id} in ${plan.target.accountId} ${plan.region}: ${plan.summaryLine}`,
    `# Computed from live state read at ${plan.computedFrom}; fingerprint ${plan.fingerprint}`,
    "# No step reboots a node; every change takes effect at once.",
    ...plan.warnings.map((w) => `# WARNING: ${w}`),
    ...plan.blockers.map((b) => `# BLOCKED: ${b}`),
    "set -euo pipefail",
  ];
  plan.steps.forEach((step, i) => {
    lines.push("", `# ${i + 1}. ${step.title}${step.securitySensitive ? " [security]" : ""}`);
    if (step.touches.length > 0) lines.push(`#    also changes: ${step.touches.join(", ")}`);
    if (opts.runsAs) lines.push(`#    runs as ${opts.runsAs}; needs ${stepActions(step).join(", ")}`);
    const command = wrap(commandFor(step, plan.region));
    if (step.action === "no-op")
      lines.push(`#    no-op: ${str(step.noopReason ?? "")}`, ...command.split("\n").map((c) => `# ${c}`));
    else lines.push(command);
  });
  const modify = plan.steps.find(
    (s) => s.kind === "modify-replication-group" || s.kind === "modify-cache-cluster",
  );
  if (modify && modify.action !== "no-op") {
    lines.push(
      "",
      "# Done when every member shows the new parameter group in-sync and every security group active:",
      `# aws elasticache describe-cache-clusters --region ${shellQuote(plan.region)} --query 'CacheClusters[].[CacheClusterId,CacheParameterGroup.ParameterApplyStatus,SecurityGroups[].Status]'`,
    );
  }
  const memoryDb = plan.steps.find((s) => s.kind === "update-memorydb-cluster");
  if (memoryDb && memoryDb.action !== "no-op") {
    lines.push(
      "",
      "# Done when the cluster shows ParameterGroupStatus in-sync and every security group active:",
      `# aws memorydb describe-clusters --region ${shellQuote(plan.region)} --cluster-name ${shellQuote(plan.target.id)} --query 'Clusters[].[ParameterGroupStatus,SecurityGroups[].Status]'`,
    );
  }
  return `${lines.join("\n")}\n`;
}
