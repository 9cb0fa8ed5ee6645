/**
 * The fix as Terraform: the resources QueueReady would create, declared (and imported when QueueReady
 * created them already), and the change to the owner's own resource named by its address. Pure: a plan and
 * who owns what in, HCL text out.
 */
import { ownerLabel } from "@/lib/core/model/ownership";
import { hclBlock, terraformName, type HclBlock, type HclValue } from "./hcl";
import {
  isIacExisting,
  isIacRef,
  type ChangeExisting,
  type IacContext,
  type IacValue,
  type NewResource,
} from "./model";
import { iacParts } from "./step-table";

/** `module.cache.aws_elasticache_replication_group.main["a"]` → module path, type and name. */
export function splitAddress(
  address: string,
): { module: string; type: string; name: string; key?: string } | null {
  const m = /^(?:(.*)\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\])?$/.exec(address);
  if (!m || (m[1] && !m[1].startsWith("module."))) return null;
  return { module: m[1] ?? "", type: m[2]!, name: m[3]!, ...(m[4] ? { key: m[4] } : {}) };
}

/** How the file writes a value: references to what it declares, and to what the owner declares beside it. */
interface Resolve {
  added: NewResource[];
  ctx: IacContext;
  /** The module the fix's resources go in (the target's). */
  home: string;
}

function toHcl(v: IacValue, r: Resolve): HclValue {
  if (isIacRef(v)) {
    const made = r.added.find((a) => a.step === v.iacRef);
    if (!made) throw new Error(`The fix refers to ${v.iacRef}, which it does not declare`);
    return { expr: made.refs.terraform[v.attr] };
  }
  if (isIacExisting(v)) {
    const owner = r.ctx.ownerOf(v.iacExisting, v.id);
    const at = owner?.tool === "terraform" && owner.address ? splitAddress(owner.address) : null;
    // Only a declaration in the same module can be referred to by its name.
    return at && at.module === r.home ? { expr: `${at.type}.${at.name}${at.key ?? ""}.${v.attr}` } : v.id;
  }
  if (Array.isArray(v)) return v.map((x) => toHcl(x, r));
  if (typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toHcl(x, r)]));
  return v;
}

function attrsOf(attrs: Record<string, IacValue | undefined>, r: Resolve) {
  return Object.fromEntries(
    Object.entries(attrs).map(([k, v]) => [k, v === undefined ? undefined : toHcl(v, r)]),
  ) as Record<string, HclValue | undefined>;
}

/** Where the owner declares a resource: its address from the state, or a name to replace when none is known. */
function addressOf(change: ChangeExisting, ctx: IacContext) {
  const owner = ctx.ownerOf(change.resource.kind, change.resource.id);
  const split = owner?.tool === "terraform" && owner.address ? splitAddress(owner.address) : null;
  if (split) return { ...split, comment: [`Owner: ${ownerLabel(owner)} (${owner!.evidence}).`] };
  return {
    module: "",
    type: change.terraform.type,
    name: terraformName(change.resource.id),
    comment: [
      owner
        ? `Owner: ${ownerLabel(owner)}; no Terraform state QueueReady read names its address: use your resource's name.`
        : `No Terraform state QueueReady read declares ${change.resource.id}: use the name your configuration gives it.`,
    ],
  };
}

export function renderTerraform(ctx: IacContext): string {
  const { plan } = ctx;
  const parts = iacParts(ctx);
  const added = parts.filter((p): p is NewResource => p.part === "new");
  const changes = parts.filter((p): p is ChangeExisting => p.part === "change");
  const target = changes.find((c) => c.resource.id === plan.target.id);
  // What the fix adds lives beside the target's own declaration (the same module), so references resolve.
  const home = target ? addressOf(target, ctx).module : "";
  const r: Resolve = { added, ctx, home };
  const blocks: HclBlock[] = [];
  for (const a of added)
    blocks.push({
      type: "resource",
      labels: [a.terraform.type, a.terraform.name],
      attrs: attrsOf(a.terraform.attrs, r),
      blocks: (a.terraform.blocks ?? []).map((b) => ({ type: b.type, attrs: attrsOf(b.attrs, r) })),
      comment: a.why,
    });
  for (const c of changes) {
    const at = addressOf(c, ctx);
    const full = `${at.module ? `${at.module}.` : ""}${at.type}.${at.name}${at.key ?? ""}`;
    blocks.push({
      type: "resource",
      labels: [at.type, at.name],
      attrs: attrsOf(c.terraform.attrs, r),
      blocks: (c.terraform.blocks ?? []).map((b) => ({ type: b.type, attrs: attrsOf(b.attrs, r) })),
      comment: [
        `CHANGE to ${full}: only the arguments that change. Merge them into its block, or keep this block`,
        `as an override file (e.g. queueready_override.tf) in ${at.module || "the root module"}.`,
        ...at.comment,
        ...c.why,
      ],
    });
  }
  for (const a of added.filter((x) => x.imported))
    blocks.push({
      type: "import",
      attrs: {
        to: { expr: `${home ? `${home}.` : ""}${a.terraform.type}.${a.terraform.name}` },
        id: a.imported!.terraformId,
      },
      comment: ["QueueReady created this already: import it (import blocks go in the root module)."],
    });
  const notes = parts.flatMap((p) => (p.part === "note" ? p.lines : []));
  const header = [
    `# QueueReady: the BullMQ fix for ${plan.target.id} (${plan.target.kind}, account ${plan.target.accountId}, ${plan.region}).`,
    `# Plan ${plan.fingerprint.slice(0, 12)} computed from live state at ${plan.computedFrom}.`,
    `# Put the resources in ${home || "the root module"}, beside the cluster's own declaration; then terraform plan.`,
    ...notes.map((n) => `# Already in place: ${n}`),
  ];
  return `${header.join("\n")}\n\n${blocks.map((b) => hclBlock(b)).join("\n\n")}\n`;
}
