/**
 * From URL parameters to the planner's choices, one step at a time: each step's choice is parsed with
 * lib/core/plan's zod schema, so a hand-edited URL is held to the same rules as the forms.
 */
import type { z } from "zod";
import {
  alarmChoiceSchema,
  networkChoiceSchema,
  parameterGroupChoiceSchema,
  targetChoiceSchema,
  zodFieldErrors,
  type AlarmChoice,
  type NetworkChoice,
  type ParameterGroupChoice,
  type TargetChoice,
  type WizardChoices,
} from "@/lib/core/plan";
import { toFormErrors, type WizardParams } from "./params";

export type Parsed<T> = { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string[]> };

function parse<S extends z.ZodType>(schema: S, raw: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(raw);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, fieldErrors: toFormErrors(zodFieldErrors(result.error)) };
}

export function targetOf(p: WizardParams): Parsed<TargetChoice> {
  return parse(targetChoiceSchema, { accountId: p.account, region: p.region, kind: p.kind, id: p.id });
}

/** The network choice, or a "choose one" error when the step was not answered yet. */
export function networkOf(p: WizardParams): Parsed<NetworkChoice> {
  const securityGroup =
    p.sg === "new"
      ? { mode: "new", name: p.sgName ?? "" }
      : p.sg === "existing"
        ? { mode: "existing", groupId: p.sgId ?? "" }
        : undefined;
  const source =
    p.src === "cidr"
      ? { kind: "cidr", cidr: p.cidr ?? "" }
      : p.src === "anywhere"
        ? { kind: "anywhere", acknowledged: p.ack === "yes" }
        : p.src === "security-group"
          ? { kind: "security-group", groupId: p.srcGroup ?? "" }
          : undefined;
  const missing: Record<string, string[]> = {};
  if (!securityGroup) missing.sg = ["Choose the security group that gets the rule."];
  if (!source) missing.src = ["Choose where traffic may come from."];
  if (!securityGroup || !source) return { ok: false, fieldErrors: missing };
  return parse(networkChoiceSchema, { securityGroup, source });
}

export function parameterGroupOf(p: WizardParams): Parsed<ParameterGroupChoice> {
  if (p.pg !== "create" && p.pg !== "reuse" && p.pg !== "edit-shared") {
    return {
      ok: false,
      fieldErrors: { pg: ["Choose whether to create a parameter group or use an existing one."] },
    };
  }
  const raw =
    p.pg === "edit-shared"
      ? { mode: p.pg, name: p.pgName ?? "", confirmedClusters: p.confirm ?? [] }
      : { mode: p.pg, name: p.pgName ?? "" };
  return parse(parameterGroupChoiceSchema, raw);
}

/** The alarm choice of step 4; absent (`undefined` value) when the person kept the default. */
export function alarmOf(p: WizardParams): Parsed<AlarmChoice | undefined> {
  if (p.alarm === undefined) return { ok: true, value: undefined };
  if (p.alarm === "none") return { ok: true, value: { mode: "none" } };
  const threshold = p.alarmThreshold === undefined ? 80 : Number(p.alarmThreshold);
  const raw = { mode: p.alarm, threshold, ...(p.alarmTopic ? { topicArn: p.alarmTopic } : {}) };
  const parsed = parse(alarmChoiceSchema, raw);
  if (parsed.ok || !Number.isNaN(threshold)) return parsed;
  return { ok: false, fieldErrors: { alarmThreshold: ["must be a whole percentage"] } };
}

/** All three choices, or the first step whose choice is missing or malformed. */
export function choicesOf(p: WizardParams):
  | { ok: true; value: WizardChoices }
  | {
      ok: false;
      step: "target" | "network" | "parameter-group" | "modification";
      fieldErrors: Record<string, string[]>;
    } {
  const target = targetOf(p);
  if (!target.ok) return { ok: false, step: "target", fieldErrors: target.fieldErrors };
  const network = networkOf(p);
  if (!network.ok) return { ok: false, step: "network", fieldErrors: network.fieldErrors };
  const parameterGroup = parameterGroupOf(p);
  if (!parameterGroup.ok)
    return { ok: false, step: "parameter-group", fieldErrors: parameterGroup.fieldErrors };
  const alarm = alarmOf(p);
  if (!alarm.ok) return { ok: false, step: "modification", fieldErrors: alarm.fieldErrors };
  const resume = p.resume && /^[0-9a-z-]{1,64}$/.test(p.resume) ? { resume: { runId: p.resume } } : {};
  return {
    ok: true,
    value: {
      target: target.value,
      network: network.value,
      parameterGroup: parameterGroup.value,
      ...(alarm.value ? { alarm: alarm.value } : {}),
      ...resume,
    },
  };
}

/** The URL parameters that reproduce these choices: a finished or failed apply links back to its preview. */
export function paramsOf(choices: WizardChoices): WizardParams {
  const { target, network, parameterGroup: pg } = choices;
  const sg = network.securityGroup;
  const src = network.source;
  return {
    ...(target.accountId ? { account: target.accountId } : {}),
    region: target.region,
    kind: target.kind,
    id: target.id,
    ...(sg.mode === "existing" ? { sg: "existing", sgId: sg.groupId } : { sg: "new", sgName: sg.name }),
    src: src.kind,
    ...(src.kind === "security-group"
      ? { srcGroup: src.groupId }
      : src.kind === "cidr"
        ? { cidr: src.cidr }
        : { ack: "yes" }),
    pg: pg.mode,
    pgName: pg.name,
    ...(pg.mode === "edit-shared" && pg.confirmedClusters.length > 0
      ? { confirm: [...pg.confirmedClusters].sort() }
      : {}),
    ...alarmParamsOf(choices.alarm),
    ...(choices.resume ? { resume: choices.resume.runId } : {}),
  };
}

/** The alarm choice as parameters, so a resume or a link back to the preview keeps it. */
function alarmParamsOf(alarm: AlarmChoice | undefined): WizardParams {
  if (!alarm) return {};
  if (alarm.mode === "none") return { alarm: "none" };
  return {
    alarm: "put",
    alarmThreshold: String(alarm.threshold),
    ...(alarm.topicArn ? { alarmTopic: alarm.topicArn } : {}),
  };
}
