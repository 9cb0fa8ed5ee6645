/**
 * A small HCL writer for the Terraform export: attributes, nested blocks, string/number/bool/list/map values
 * and references (expressions written as they are). Only what the export needs; the tests read its output
 * back with HashiCorp's own grammar (through @cdktf/hcl2json), so a quoting mistake fails there.
 */

/** An expression written unquoted, e.g. `aws_security_group.queueready.id`. */
export interface HclExpr {
  expr: string;
}

export type HclValue = string | number | boolean | HclExpr | HclValue[] | { [key: string]: HclValue };

export interface HclBlock {
  /** e.g. `resource`, `import`, `parameter`. */
  type: string;
  labels?: string[];
  attrs: Record<string, HclValue | undefined>;
  blocks?: HclBlock[];
  /** Comment lines written above the block. */
  comment?: string[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A quoted HCL string: JSON escapes plus `${` and `%{`, which HCL would read as a template. */
export function hclString(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, "$$${").replace(/%\{/g, "%%{");
}

function isExpr(v: HclValue): v is HclExpr {
  return typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && "expr" in v;
}

function value(v: HclValue, indent: string): string {
  if (typeof v === "string") return hclString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isExpr(v)) return v.expr;
  if (Array.isArray(v)) return `[${v.map((x) => value(x, indent)).join(", ")}]`;
  const entries = Object.entries(v);
  if (entries.length === 0) return "{}";
  const inner = `${indent}  `;
  const lines = entries.map(
    ([k, x]) => `${inner}${IDENTIFIER.test(k) ? k : hclString(k)} = ${value(x, inner)}`,
  );
  return `{\n${lines.join("\n")}\n${indent}}`;
}

export function hclBlock(block: HclBlock, indent = ""): string {
  const inner = `${indent}  `;
  const head = [block.type, ...(block.labels ?? []).map(hclString)].join(" ");
  const attrs = Object.entries(block.attrs).filter((e): e is [string, HclValue] => e[1] !== undefined);
  const width = Math.max(0, ...attrs.map(([k]) => k.length));
  const body = [
    ...attrs.map(([k, v]) => `${inner}${k.padEnd(width)} = ${value(v, inner)}`),
    ...(block.blocks ?? []).map((b) => hclBlock(b, inner)),
  ];
  const comment = (block.comment ?? []).map((line) => `${indent}# ${line}`.trimEnd());
  return [...comment, `${indent}${head} {`, ...body, `${indent}}`].join("\n");
}

/** A Terraform name (resource label): letters, digits, `_`, `-`, starting with a letter or `_`. */
export function terraformName(s: string): string {
  const cleaned = s.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
