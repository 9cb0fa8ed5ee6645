/** Plan values as the fix as code writes them: references to what the plan creates, and tags. */
import type { Tag } from "@/lib/core/model/resources";
import type { StepKind, StepRef } from "../types";
import type { IacRef, IacValue } from "./model";

/** `{ ref: "step:create-security-group.GroupId" }` → the new security group's id. */
export function iacRefOf(ref: StepRef): IacRef {
  const match = /^step:([a-z-]+)\.(\w+)$/.exec(ref.ref);
  const step = match?.[1] as StepKind | undefined;
  if (!step) throw new Error(`Unknown step reference ${ref.ref}`);
  return { iacRef: step, attr: match![2] === "GroupId" ? "id" : "name" };
}

export const terraformTags = (tags: Tag[] | undefined): IacValue =>
  Object.fromEntries((tags ?? []).map((t) => [t.key, t.value]));

export const cloudFormationTags = (tags: Tag[] | undefined): IacValue =>
  (tags ?? []).map((t) => ({ Key: t.key, Value: t.value }));
