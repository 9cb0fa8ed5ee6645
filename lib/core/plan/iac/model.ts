/**
 * The fix as code, format-neutral: what each plan step becomes in the owner's configuration. A step either
 * creates a resource (declared, or imported when QueueReady already created it) or changes one the owner
 * declares (named by its Terraform address or its CloudFormation logical id). Both renderers read only
 * this, so a new step kind is one entry in step-table.ts.
 */
import type { OwnedKind, Owner } from "@/lib/core/model/ownership";
import type { Plan, StepKind } from "../types";

/** What another step of the plan creates: its id (`sg-…`) or its name, as each format refers to it. */
export interface IacRef {
  iacRef: StepKind;
  attr: "id" | "name";
}

/**
 * Something that exists (a security group, a parameter group): written as a reference to the owner's own
 * declaration when it sits beside the target's (same module, same stack), else as its id or name.
 */
export interface IacExisting {
  iacExisting: OwnedKind;
  id: string;
  attr: "id" | "name";
}

export type IacValue =
  string | number | boolean | IacRef | IacExisting | IacValue[] | { [key: string]: IacValue };

export function isIacRef(v: unknown): v is IacRef {
  return typeof v === "object" && v !== null && "iacRef" in v;
}

export function isIacExisting(v: unknown): v is IacExisting {
  return typeof v === "object" && v !== null && "iacExisting" in v;
}

/** One nested Terraform block, e.g. `parameter { name = … value = … }`. */
export interface TerraformNested {
  type: string;
  attrs: Record<string, IacValue>;
}

export interface TerraformPart {
  type: string;
  attrs: Record<string, IacValue | undefined>;
  blocks?: TerraformNested[];
}

export interface CloudFormationPart {
  type: string;
  properties: Record<string, IacValue | undefined>;
}

/** A resource the fix adds. */
export interface NewResource {
  part: "new";
  /** The step that creates it: references to it (`IacRef.iacRef`) name this step. */
  step: StepKind;
  /** Comment lines above it. */
  why: string[];
  terraform: TerraformPart & { name: string };
  cloudformation: CloudFormationPart & { logicalId: string };
  /** How each format refers to its id and name (`aws_security_group.x.id`, `Fn::GetAtt`). */
  refs: { terraform: Record<IacRef["attr"], string>; cloudformation: Record<IacRef["attr"], IacValue> };
  /** Set when QueueReady created it already: imported into the owner's state or stack, not created again. */
  imported?: { terraformId: string; cloudformationIdentifier: Record<string, string> };
}

/** A change to a resource that exists (the owner's): only the arguments that change. */
export interface ChangeExisting {
  part: "change";
  resource: { kind: OwnedKind; id: string };
  why: string[];
  terraform: TerraformPart;
  cloudformation: CloudFormationPart;
}

/** Something the person must know that is no resource (a rule that already exists, say). */
export interface IacNote {
  part: "note";
  lines: string[];
}

export type IacPart = NewResource | ChangeExisting | IacNote;

export interface IacContext {
  plan: Plan;
  /** The owner of a resource the plan writes or attaches (null: nobody claims it). */
  ownerOf: (kind: OwnedKind, id: string) => Owner | null;
}
