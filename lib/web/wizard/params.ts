/**
 * The wizard's state lives in the URL: one flat search parameter per choice, so a deep link or a reload
 * shows exactly the step the operator was on, and Back keeps every earlier choice.
 */

/** Every choice of the wizard as it appears in the URL and in the step forms (same names in both). */
export interface WizardParams {
  /** The 12-digit AWS account; absent = the account of QueueReady's own credentials. */
  account?: string;
  region?: string;
  kind?: string;
  id?: string;
  /** Step 1 only: the VPC whose clusters are listed. Derived from the cluster when absent. */
  vpc?: string;
  /** `existing` | `new`: the security group that gets the rule. */
  sg?: string;
  sgId?: string;
  sgName?: string;
  /** `security-group` | `cidr` | `anywhere`: where traffic may come from. */
  src?: string;
  srcGroup?: string;
  cidr?: string;
  /** `yes` when the operator acknowledged the 0.0.0.0/0 warning. */
  ack?: string;
  /** `create` | `reuse` | `edit-shared`. */
  pg?: string;
  pgName?: string;
  /** edit-shared: the other clusters the operator named to confirm they change too. */
  confirm?: string[];
  /** `put` | `none`: the memory alarm that goes with noeviction (absent: put at 80 % to the default topic). */
  alarm?: string;
  /** Percent of maxmemory, 50-95. */
  alarmThreshold?: string;
  /** The SNS topic ARN the alarm notifies; empty: the default topic. */
  alarmTopic?: string;
  /** The id of a failed or interrupted run being resumed: what it created is taken up, not created again. */
  resume?: string;
}

/** Step 3's radio: `create` (the name comes from the text field `pgNewName`), `reuse/<name>` or `edit-shared/<name>`. */
function pgPickOf(raw: Readonly<Record<string, RawValue>>): Record<string, string> {
  const value = typeof raw.pgPick === "string" ? raw.pgPick.trim() : "";
  if (value === "create")
    return { pg: "create", pgName: typeof raw.pgNewName === "string" ? raw.pgNewName : "" };
  const m = /^(reuse|edit-shared)\/(.+)$/.exec(value);
  return m ? { pg: m[1]!, pgName: m[2]! } : {};
}

/** The URL order of the parameters: stable, so the same choices always give the same link. */
export const PARAM_KEYS = [
  "account",
  "region",
  "kind",
  "id",
  "vpc",
  "sg",
  "sgId",
  "sgName",
  "src",
  "srcGroup",
  "cidr",
  "ack",
  "pg",
  "pgName",
  "confirm",
  "alarm",
  "alarmThreshold",
  "alarmTopic",
  "resume",
] as const;

export type ParamKey = (typeof PARAM_KEYS)[number];

type RawValue = string | string[] | undefined;

const MAX_LENGTH = 300;

/** Reads the wizard's parameters out of Next's `searchParams` or a form object; unknown keys are dropped. */
export function readParams(raw: Readonly<Record<string, RawValue>>): WizardParams {
  const out: WizardParams = {};
  // Step 1's radio carries kind and id in one value (`replication-group/orders-redis7`): ids of the kinds may clash.
  const cluster =
    typeof raw.cluster === "string"
      ? /^(replication-group|cache-cluster|memorydb-cluster)\/(.+)$/.exec(raw.cluster.trim())
      : null;
  // Step 2's radio likewise: `existing/sg-0123` or `new`.
  const sgPick =
    typeof raw.sgPick === "string" ? /^(existing)\/(sg-[0-9a-z]+)$|^(new)$/.exec(raw.sgPick.trim()) : null;
  const source: Record<string, RawValue> = {
    ...raw,
    ...(cluster ? { kind: cluster[1], id: cluster[2] } : {}),
    ...(sgPick ? (sgPick[3] ? { sg: "new" } : { sg: "existing", sgId: sgPick[2] }) : {}),
    ...pgPickOf(raw),
  };
  for (const key of PARAM_KEYS) {
    const value = source[key];
    if (key === "confirm") {
      const list = (Array.isArray(value) ? value : value === undefined ? [] : [value])
        .map((v) => v.trim())
        .filter(Boolean);
      if (list.length > 0) out.confirm = [...new Set(list)].map((v) => v.slice(0, MAX_LENGTH)).sort();
      continue;
    }
    const one = (Array.isArray(value) ? value[0] : value)?.trim();
    // A value too long for any AWS name is cut rather than echoed back into every link.
    if (one) out[key] = one.slice(0, MAX_LENGTH);
  }
  return out;
}

/** The query string for these parameters (without `?`), keys in `PARAM_KEYS` order. */
export function toQuery(params: WizardParams): string {
  const query = new URLSearchParams();
  for (const key of PARAM_KEYS) {
    const value = params[key];
    if (key === "confirm") for (const c of params.confirm ?? []) query.append("confirm", c);
    else if (typeof value === "string" && value !== "") query.set(key, value);
  }
  return query.toString();
}

/** Only the parameters a step and the steps before it decide, so later, stale choices do not leak back. */
export function pick(params: WizardParams, keys: readonly ParamKey[]): WizardParams {
  const out: WizardParams = {};
  for (const key of keys) if (params[key] !== undefined) Object.assign(out, { [key]: params[key] });
  return out;
}

/** The planner's field-error paths mapped to the form field (and URL parameter) that shows them. */
const FIELD_OF: Record<string, ParamKey | "_form"> = {
  "target.accountId": "account",
  accountId: "account",
  "target.region": "region",
  "target.kind": "kind",
  "target.id": "id",
  id: "id",
  region: "region",
  kind: "kind",
  "securityGroup.groupId": "sgId",
  "securityGroup.name": "sgName",
  "securityGroup.mode": "sg",
  "source.groupId": "srcGroup",
  "source.cidr": "cidr",
  "source.acknowledged": "ack",
  "source.kind": "src",
  name: "pgName",
  mode: "pg",
  confirmedClusters: "confirm",
  "alarm.threshold": "alarmThreshold",
  "alarm.topicArn": "alarmTopic",
  threshold: "alarmThreshold",
  topicArn: "alarmTopic",
};

/** Re-keys field errors from the planner (`network.source.cidr`) to form fields (`cidr`); unknown paths go to `_form`. */
export function toFormErrors(errors: Readonly<Record<string, string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(errors)) {
    const local = path.replace(/^(network|parameterGroup)\./, "");
    const known = (key: string) => (Object.hasOwn(FIELD_OF, key) ? FIELD_OF[key] : undefined);
    const field =
      known(local) ?? known(path) ?? (local.startsWith("confirmedClusters") ? "confirm" : "_form");
    (out[field] ??= []).push(...messages);
  }
  return out;
}
