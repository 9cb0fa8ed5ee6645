/**
 * The ownership reads of one account-region: the CloudFormation stacks' resources (one read per
 * account-region per audit, whatever the number of clusters) and the Terraform states named by
 * `QUEUEREADY_TERRAFORM_STATE` (comma-separated paths or globs of v4 state files), kept to this account and
 * region. A state file is parsed again only when it changed; one that cannot be read is a problem naming it.
 */
import fs from "node:fs";
import path from "node:path";
import { listStackResources } from "@/lib/adapters/aws/cloudformation/reads";
import type { AwsContext } from "@/lib/adapters/aws/context";
import type { Scope } from "@/lib/core/identity/identity";
import type { OwnershipReads } from "@/lib/core/model/ownership";
import { parseTerraformState, type ParsedState } from "@/lib/core/model/terraform-state";
import { settle } from "./read-result";

export const TERRAFORM_STATE_ENV = "QUEUEREADY_TERRAFORM_STATE";

/** Reads both sources; never throws for AWS or file trouble (it becomes the owner's unknown reason). */
export async function readOwnership(
  ctx: AwsContext,
  scope: Scope,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OwnershipReads> {
  const stacks = await settle(listStackResources(ctx));
  return { stacks, terraform: terraformFor(scope, env[TERRAFORM_STATE_ENV]) };
}

/** The configured states' resources in `scope`, and every file's problems (they concern every scope). */
export function terraformFor(scope: Scope, setting: string | undefined): OwnershipReads["terraform"] {
  const { files, problems } = stateFiles(setting);
  const parsed = files.map(parseCached);
  return {
    stateFiles: files,
    resources: parsed
      .flatMap((p) => p.resources)
      .filter((r) => r.accountId === scope.accountId && r.region === scope.region),
    problems: [...problems, ...parsed.flatMap((p) => p.problems)],
    warnings: parsed.flatMap((p) => p.warnings),
  };
}

const cache = new Map<string, { stamp: string; parsed: ParsedState }>();

function parseCached(file: string): ParsedState {
  let stamp: string;
  try {
    const stat = fs.statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch (err) {
    return {
      resources: [],
      problems: [`Terraform state ${file} cannot be read (${codeOf(err)}).`],
      warnings: [],
    };
  }
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.parsed;
  let parsed: ParsedState;
  try {
    parsed = parseTerraformState(fs.readFileSync(file, "utf8"), file);
  } catch (err) {
    parsed = {
      resources: [],
      problems: [`Terraform state ${file} cannot be read (${codeOf(err)}).`],
      warnings: [],
    };
  }
  cache.set(file, { stamp, parsed });
  return parsed;
}

const codeOf = (err: unknown) =>
  (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));

/** Paths and globs (`*`, `?`, `**`) to files; a plain path that does not exist, or a glob matching nothing, is a problem. */
export function stateFiles(setting: string | undefined): { files: string[]; problems: string[] } {
  const entries = (setting ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const files = new Set<string>();
  const problems: string[] = [];
  for (const entry of entries) {
    if (!/[*?]/.test(entry)) {
      files.add(entry);
      continue;
    }
    const matches = expandGlob(entry);
    if (matches.length === 0)
      problems.push(`${TERRAFORM_STATE_ENV}: ${entry} matches no file, so Terraform ownership is unknown.`);
    for (const m of matches) files.add(m);
  }
  return { files: [...files], problems };
}

const SKIP_DIRS = new Set(["node_modules", ".git"]);
const MAX_DEPTH = 12;

function expandGlob(glob: string): string[] {
  const pattern = path.normalize(glob);
  const parts = pattern.split(/[\\/]/);
  const firstWild = parts.findIndex((p) => /[*?]/.test(p));
  const base = parts.slice(0, firstWild).join("/") || (pattern.startsWith("/") ? "/" : ".");
  const regex = globRegex(pattern);
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = dir === "." ? e.name : path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(full, depth + 1);
      } else if (regex.test(full)) out.push(full);
    }
  };
  walk(base, 0);
  return out.sort();
}

function globRegex(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*" && pattern[i + 1] === "*") {
      i++;
      if (pattern[i + 1] === "/") {
        re += "(?:.*/)?";
        i++;
      } else re += ".*";
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
