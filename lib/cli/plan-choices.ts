/**
 * A target's choices for `npm run plan`: what the wizard pre-fills (lib/core/plan's `suggestions`, the very
 * function behind the wizard's forms), overridden by the flags where the wizard has a field. Shapes are
 * checked with the wizard's own zod schemas, so a bad flag gets the wizard's own words.
 */
import { DEFAULT_ALARM_THRESHOLD } from "@/lib/core/model/memory-alarm-spec";
import {
  networkChoiceSchema,
  parameterGroupChoiceSchema,
  zodFieldErrors,
  type AlarmChoice,
  type FieldErrors,
  type ParameterGroupChoice,
  type Suggestions,
  type TargetChoice,
  type WizardChoices,
} from "@/lib/core/plan";

/** The flags that stand for a wizard field; unset ones keep the wizard's recommendation. */
export interface ChoiceFlags {
  securityGroup?: string;
  sourceSecurityGroup?: string;
  cidr?: string;
  anywhere?: boolean;
  parameterGroup?: string;
  newParameterGroup?: string;
  editShared?: string;
  confirm?: string[];
}

export const CHOICE_FLAG_NAMES = [
  "security-group",
  "source-security-group",
  "cidr",
  "anywhere",
  "parameter-group",
  "new-parameter-group",
  "edit-shared",
  "confirm",
] as const;

export function hasChoiceFlags(f: ChoiceFlags): boolean {
  return Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== false));
}

function parameterGroupOf(f: ChoiceFlags, s: Suggestions): unknown {
  if (f.newParameterGroup !== undefined) return { mode: "create", name: f.newParameterGroup };
  if (f.parameterGroup !== undefined) return { mode: "reuse", name: f.parameterGroup };
  if (f.editShared !== undefined)
    return { mode: "edit-shared", name: f.editShared, confirmedClusters: f.confirm ?? [] };
  return s.parameterGroup.recommended;
}

function sourceOf(f: ChoiceFlags, s: Suggestions): unknown {
  if (f.sourceSecurityGroup !== undefined) return { kind: "security-group", groupId: f.sourceSecurityGroup };
  if (f.cidr !== undefined) return { kind: "cidr", cidr: f.cidr };
  if (f.anywhere) return { kind: "anywhere", acknowledged: true };
  return s.network.recommended?.source;
}

/**
 * The choices for `target`. `claimed` holds parameter group names that targets planned before this one
 * will create: the recommended name then moves on to the next free number, exactly as the wizard would
 * suggest once the earlier target's group exists.
 */
export function choicesFor(
  target: TargetChoice,
  s: Suggestions,
  flags: ChoiceFlags,
  claimed: ReadonlySet<string> = new Set(),
): { ok: true; value: WizardChoices } | { ok: false; fieldErrors: FieldErrors } {
  const errors: FieldErrors = {};
  const securityGroup =
    flags.securityGroup !== undefined
      ? { mode: "existing", groupId: flags.securityGroup }
      : s.network.recommended?.securityGroup;
  const source = sourceOf(flags, s);
  // The wizard's own words when its form is left empty (lib/web/wizard/choices.ts).
  if (!securityGroup) errors["network.securityGroup"] = ["Choose the security group that gets the rule."];
  if (!source) errors["network.source"] = ["Choose where traffic may come from."];
  const network = networkChoiceSchema.safeParse({ securityGroup, source });
  if (securityGroup && source && !network.success)
    Object.assign(errors, prefixed("network", zodFieldErrors(network.error)));
  const pg = parameterGroupChoiceSchema.safeParse(parameterGroupOf(flags, s));
  if (!pg.success) Object.assign(errors, prefixed("parameterGroup", zodFieldErrors(pg.error)));
  if (!network.success || !pg.success) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    value: { target, network: network.data, parameterGroup: unclaimed(pg.data, claimed) },
  };
}

function prefixed(prefix: string, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** `bullmq-redis7-noeviction` → `bullmq-redis7-noeviction-2` when an earlier target creates the first. */
function unclaimed(choice: ParameterGroupChoice, claimed: ReadonlySet<string>): ParameterGroupChoice {
  if (choice.mode !== "create" || !claimed.has(choice.name.toLowerCase())) return choice;
  const base = choice.name.replace(/-\d+$/, "");
  for (let n = 2; ; n++) {
    const name = `${base}-${n}`;
    if (!claimed.has(name.toLowerCase())) return { ...choice, name };
  }
}

/** Which flag a field error belongs to, for the message a person reads. */
export function flagOf(path: string): string {
  if (path.startsWith("network.securityGroup")) return "--security-group";
  if (path.startsWith("network.source")) return "--source-security-group / --cidr / --anywhere";
  if (path.startsWith("parameterGroup.confirmedClusters")) return "--confirm";
  if (path.startsWith("parameterGroup")) return "--parameter-group / --new-parameter-group / --edit-shared";
  if (path.startsWith("alarm")) return "--alarm-topic / --alarm-threshold";
  return "--cluster";
}

/** `--no-alarm`, `--alarm-threshold`, `--alarm-topic` as the wizard's alarm choice; none given: the default. */
export function alarmChoiceOf(f: {
  threshold?: number;
  topic?: string;
  none: boolean;
}): AlarmChoice | undefined {
  if (f.none) return { mode: "none" };
  if (f.threshold === undefined && f.topic === undefined) return undefined;
  return {
    mode: "put",
    threshold: f.threshold ?? DEFAULT_ALARM_THRESHOLD,
    ...(f.topic ? { topicArn: f.topic } : {}),
  };
}
