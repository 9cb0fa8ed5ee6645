/**
 * Parsing of AWS query-protocol form bodies (`Filter.1.Name=x&Filter.1.Value.1=y`) into a tree, and
 * typed accessors over it. Both awsQuery (`SecurityGroupIds.SecurityGroupId.1`, `.member.1`) and the
 * EC2 flavour (`GroupId.1`) spell lists differently; `listAt` accepts every spelling.
 */
import { invalidValue, SandboxError } from "@/tools/sandbox/errors";

export type FormNode = { [key: string]: FormNode | string };

/** Parses an `application/x-www-form-urlencoded` body; throws a 400 on a structurally broken body. */
export function parseForm(body: string): FormNode {
  const root: FormNode = {};
  const params = new URLSearchParams(body);
  for (const [key, value] of params) {
    if (key === "" || key.split(".").some((p) => p === "")) {
      throw new SandboxError("MalformedQueryString", `The query parameter "${key}" is malformed.`, 400);
    }
    const parts = key.split(".");
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i]!;
      const next = node[part];
      if (typeof next === "string") {
        throw new SandboxError(
          "MalformedQueryString",
          `The query parameter "${key}" conflicts with "${parts.slice(0, i + 1).join(".")}".`,
          400,
        );
      }
      node = next ?? (node[part] = {});
    }
    const last = parts[parts.length - 1]!;
    if (typeof node[last] === "object") {
      throw new SandboxError(
        "MalformedQueryString",
        `The query parameter "${key}" conflicts with a nested parameter.`,
        400,
      );
    }
    node[last] = value;
  }
  return root;
}

/** A scalar at `key`, or undefined. A nested value where a scalar is expected is a caller error. */
export function str(node: FormNode | undefined, key: string): string | undefined {
  const v = node?.[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw invalidValue(`The parameter ${key} must be a single value.`);
  return v;
}

export function required(node: FormNode, key: string): string {
  const v = str(node, key);
  if (v === undefined || v === "") {
    throw new SandboxError("MissingParameter", `The request must contain the parameter ${key}.`, 400);
  }
  return v;
}

export function bool(node: FormNode | undefined, key: string): boolean | undefined {
  const v = str(node, key);
  if (v === undefined) return undefined;
  if (v !== "true" && v !== "false") throw invalidValue(`Invalid boolean value for ${key}: ${v}`);
  return v === "true";
}

export function int(node: FormNode | undefined, key: string): number | undefined {
  const v = str(node, key);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw invalidValue(`Invalid integer value for ${key}: ${v}`);
  return Number(v);
}

const isIndexMap = (n: FormNode): boolean =>
  Object.keys(n).length > 0 && Object.keys(n).every((k) => /^\d+$/.test(k));

/**
 * The list at `key` in index order. Accepts `key.N`, `key.member.N` and `key.<MemberName>.N`
 * (the SDK and botocore use the model's member name for awsQuery lists).
 */
export function listAt(node: FormNode | undefined, key: string): Array<FormNode | string> {
  const v = node?.[key];
  if (v === undefined) return [];
  if (typeof v === "string") throw invalidValue(`The parameter ${key} must be a list.`);
  let indexed: FormNode | undefined = isIndexMap(v) ? v : undefined;
  if (!indexed) {
    const children = Object.values(v);
    const only = children.length === 1 ? children[0] : undefined;
    if (only && typeof only === "object" && isIndexMap(only)) indexed = only;
  }
  if (!indexed) throw invalidValue(`The parameter ${key} is not a well-formed list.`);
  return Object.keys(indexed)
    .map(Number)
    .sort((a, b) => a - b)
    .map((i) => indexed[String(i)]!);
}

export function stringList(node: FormNode | undefined, key: string): string[] {
  return listAt(node, key).map((v) => {
    if (typeof v !== "string") throw invalidValue(`Every entry of ${key} must be a single value.`);
    return v;
  });
}

export function structList(node: FormNode | undefined, key: string): FormNode[] {
  return listAt(node, key).map((v) => {
    if (typeof v === "string") throw invalidValue(`Every entry of ${key} must be a structure.`);
    return v;
  });
}
