/**
 * The fix as a CloudFormation template fragment: the resources QueueReady would create (imported, with
 * DeletionPolicy Retain, when QueueReady created them already) and the property change on the owner's
 * logical id in its stack. Pure: a plan and who owns what in, YAML text out.
 */
import { Document, isMap, isScalar } from "yaml";
import { ownerLabel } from "@/lib/core/model/ownership";
import {
  isIacExisting,
  isIacRef,
  type ChangeExisting,
  type IacContext,
  type IacValue,
  type NewResource,
} from "./model";
import { iacParts } from "./step-table";

type Json = string | number | boolean | Json[] | { [key: string]: Json };

/** How the fragment writes a value: references to what it declares, and to what the target's stack declares. */
interface Resolve {
  added: NewResource[];
  ctx: IacContext;
  /** The stack that declares the target (the fragment is merged into it). */
  stack: string | undefined;
}

function toCfn(v: IacValue, r: Resolve): Json {
  if (isIacRef(v)) {
    const made = r.added.find((a) => a.step === v.iacRef);
    if (!made) throw new Error(`The fix refers to ${v.iacRef}, which it does not declare`);
    return toCfn(made.refs.cloudformation[v.attr], r);
  }
  if (isIacExisting(v)) {
    const owner = r.ctx.ownerOf(v.iacExisting, v.id);
    // Only a resource of the same stack can be referred to by its logical id.
    if (owner?.tool !== "cloudformation" || !owner.logicalId || !r.stack || owner.stack !== r.stack)
      return v.id;
    return v.iacExisting === "security-group" && v.attr === "id"
      ? { "Fn::GetAtt": [owner.logicalId, "GroupId"] }
      : { Ref: owner.logicalId };
  }
  if (Array.isArray(v)) return v.map((x) => toCfn(x, r));
  if (typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toCfn(x, r)]));
  return v;
}

function propertiesOf(props: Record<string, IacValue | undefined>, r: Resolve): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(props).flatMap(([k, v]) => (v === undefined ? [] : [[k, toCfn(v, r)]])),
  );
}

function logicalIdOf(change: ChangeExisting, ctx: IacContext) {
  const owner = ctx.ownerOf(change.resource.kind, change.resource.id);
  if (owner?.tool === "cloudformation" && owner.logicalId)
    return {
      logicalId: owner.logicalId,
      stack: owner.stack,
      why: `Owner: ${ownerLabel(owner)} (${owner.evidence}).`,
    };
  const guess = change.resource.id.replace(/[^A-Za-z0-9]/g, "");
  return {
    logicalId: guess,
    stack: undefined,
    why: owner
      ? `Owner: ${ownerLabel(owner)}; no CloudFormation stack QueueReady read names it: use its logical id.`
      : `No CloudFormation stack QueueReady read holds ${change.resource.id}: use its logical id in your template.`,
  };
}

export function renderCloudFormation(ctx: IacContext): string {
  const { plan } = ctx;
  const parts = iacParts(ctx);
  const added = parts.filter((p): p is NewResource => p.part === "new");
  const changes = parts
    .filter((p): p is ChangeExisting => p.part === "change")
    .map((c) => ({ c, at: logicalIdOf(c, ctx) }));
  const stack = changes.find((x) => x.c.resource.id === plan.target.id)?.at.stack;
  const resolve: Resolve = { added, ctx, stack };
  const resources: Record<string, Json> = {};
  const comments = new Map<string, string[]>();
  for (const r of added) {
    resources[r.cloudformation.logicalId] = {
      Type: r.cloudformation.type,
      // A resource imported into a stack must say what happens to it on delete.
      ...(r.imported ? { DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" } : {}),
      Properties: propertiesOf(r.cloudformation.properties, resolve),
    };
    comments.set(r.cloudformation.logicalId, r.why);
  }
  for (const { c, at } of changes) {
    resources[at.logicalId] = {
      Type: c.cloudformation.type,
      Properties: propertiesOf(c.cloudformation.properties, resolve),
    };
    comments.set(at.logicalId, [
      `CHANGE to ${at.logicalId}${at.stack ? ` in stack ${at.stack}` : ""}: only the properties that change; merge them into its Properties.`,
      at.why,
      ...c.why,
    ]);
  }
  const imports = added.flatMap((r) =>
    r.imported
      ? [
          {
            ResourceType: r.cloudformation.type,
            LogicalResourceId: r.cloudformation.logicalId,
            ResourceIdentifier: r.imported.cloudformationIdentifier,
          },
        ]
      : [],
  );
  // YAML 1.1, as CloudFormation reads it: `yes` and `2010-09-09` come out quoted, so they stay strings.
  const doc = new Document(
    {
      AWSTemplateFormatVersion: "2010-09-09",
      Description: `QueueReady: the BullMQ fix for ${plan.target.id}${stack ? `, to merge into stack ${stack}` : ""}`,
      Metadata: {
        QueueReady: {
          Target: {
            AccountId: plan.target.accountId,
            Region: plan.region,
            Kind: plan.target.kind,
            Id: plan.target.id,
          },
          ...(stack ? { Stack: stack } : {}),
          Fingerprint: plan.fingerprint,
          // What QueueReady created already: import these (an IMPORT change set's ResourcesToImport), not create.
          ResourcesToImport: imports,
        },
      },
      Resources: resources,
    },
    { version: "1.1" },
  );
  const map = doc.get("Resources", true);
  if (isMap(map))
    for (const pair of map.items)
      if (isScalar(pair.key))
        pair.key.commentBefore = (comments.get(String(pair.key.value)) ?? []).map((l) => ` ${l}`).join("\n");
  const notes = parts.flatMap((p) => (p.part === "note" ? p.lines : []));
  doc.commentBefore = [
    ` QueueReady: the BullMQ fix for ${plan.target.id} (account ${plan.target.accountId}, ${plan.region}).`,
    ` Merge the resources into ${stack ? `stack ${stack}'s template` : "the template that declares the cluster"} and update the stack.`,
    ...notes.map((n) => ` Already in place: ${n}`),
  ].join("\n");
  return doc.toString({ lineWidth: 0 });
}
