/**
 * Terraform state (format version 4, as `terraform state pull` prints it) reduced to what ownership needs:
 * each managed instance of the ElastiCache and security-group types, its resource address and AWS id, and
 * the account and region its `arn` names. Pure: the caller reads the file. Bad input never throws: it comes
 * back as problems naming the file, and every resource that could be read is kept.
 */
import { TERRAFORM_TYPES, type TerraformResource } from "./ownership";

const TYPES = new Set(Object.values(TERRAFORM_TYPES));
const ARN = /^arn:aws[a-z-]*:(?:elasticache|ec2):([a-z0-9-]+):(\d{12}):/;

export interface ParsedState {
  resources: TerraformResource[];
  /** The file could not be read as a whole: nothing it holds can be ruled out, so owners become unknown. */
  problems: string[];
  /** One resource was left out (no id or arn): said, but the rest of the file stands. */
  warnings: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `module.a.module.b.aws_x.name[0]` / `["key"]`, as Terraform prints addresses. */
function addressOf(resource: Json, indexKey: unknown): string {
  const prefix = typeof resource.module === "string" && resource.module ? `${resource.module}.` : "";
  const suffix =
    typeof indexKey === "number"
      ? `[${indexKey}]`
      : typeof indexKey === "string"
        ? `[${JSON.stringify(indexKey)}]`
        : "";
  return `${prefix}${String(resource.type)}.${String(resource.name)}${suffix}`;
}

export function parseTerraformState(text: string, stateFile: string): ParsedState {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { resources: [], problems: [`Terraform state ${stateFile} is not JSON (${why}).`], warnings: [] };
  }
  if (!isObject(doc))
    return { resources: [], problems: [`Terraform state ${stateFile} is not a state object.`], warnings: [] };
  if (doc.version !== 4) {
    return {
      resources: [],
      problems: [
        `Terraform state ${stateFile} has format version ${JSON.stringify(doc.version ?? null)}; QueueReady reads version 4 (Terraform 0.12 and later: use \`terraform state pull\`).`,
      ],
      warnings: [],
    };
  }
  if (!Array.isArray(doc.resources))
    return {
      resources: [],
      problems: [`Terraform state ${stateFile} has no "resources" list.`],
      warnings: [],
    };
  const resources: TerraformResource[] = [];
  const warnings: string[] = [];
  for (const r of doc.resources) {
    if (!isObject(r) || r.mode !== "managed" || typeof r.type !== "string" || !TYPES.has(r.type)) continue;
    for (const instance of Array.isArray(r.instances) ? r.instances : []) {
      if (!isObject(instance)) continue;
      const address = addressOf(r, instance.index_key);
      const attributes = isObject(instance.attributes) ? instance.attributes : {};
      const id = typeof attributes.id === "string" ? attributes.id : undefined;
      const arn = typeof attributes.arn === "string" ? ARN.exec(attributes.arn) : null;
      if (!id || !arn) {
        warnings.push(
          `Terraform state ${stateFile}: ${address} has no ${id ? "AWS arn" : "id"}, so its account and region are unknown; it is left out.`,
        );
        continue;
      }
      resources.push({ address, type: r.type, id, region: arn[1]!, accountId: arn[2]!, stateFile });
    }
  }
  return { resources, problems: [], warnings };
}
