/**
 * The one collector of live state. Without a focus it reads a whole region (the status page, the audit);
 * with one it reads a target and only what it references (the wizard, the preview, apply). The snapshot's
 * type says which: `RegionSnapshot` or `FocusedSnapshot`.
 */
import type { ScopeAccess } from "@/lib/services/estate/scope-access";
import { collectFocus, type Focus } from "./collect-focus";
import { collectRegion, type CollectOptions } from "./collect-region";
import type { FocusedSnapshot, RegionSnapshot } from "@/lib/core/model/snapshot";

export type { CollectOptions } from "./collect-region";
export type { Focus } from "./collect-focus";

export function collect(
  access: ScopeAccess,
  focus?: undefined,
  opts?: CollectOptions,
): Promise<RegionSnapshot>;
export function collect(access: ScopeAccess, focus: Focus): Promise<FocusedSnapshot>;
export function collect(
  access: ScopeAccess,
  focus?: Focus,
  opts?: CollectOptions,
): Promise<RegionSnapshot | FocusedSnapshot> {
  return focus ? collectFocus(access, focus) : collectRegion(access, opts);
}
