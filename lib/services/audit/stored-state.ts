/**
 * A live audit turned into what lib/db stores: each target's status row (target_states), its verdict
 * (target_verdicts), the account-regions tried and the accounts with their problems. The scheduled audit,
 * a Refresh and the single-target re-read after an apply all store through here.
 */
import type { EstateAccount } from "@/lib/services/estate/list-accounts";
import type { AuditResult } from "@/lib/adapters/db/audits";
import type { AuditedAccount } from "@/lib/adapters/db/schema";
import type { AuditedScope, TargetStateInput } from "@/lib/adapters/db/target-states";
import type { ClusterAudit, RegionAudit } from "@/lib/core/readiness";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { AccountAudit } from "./accounts";

/** One target's stored row: its audit row as the status page, the exports and the CLI show it. */
export function targetStateOf(c: ClusterAudit, accountName: string): TargetStateInput {
  return {
    accountId: c.ref.accountId,
    accountName,
    region: c.ref.region,
    kind: c.ref.kind,
    targetId: c.ref.id,
    verdict: c.verdict,
    engine: c.engine,
    engineVersion: c.engineVersion,
    status: c.status,
    topology: c.topology,
    vpcId: c.vpcId,
    vpcName: c.vpcName,
    port: c.port,
    parameterGroup: c.parameterGroup?.name,
    policy: c.parameterGroup?.policy,
    findings: c.findings
      .filter((f) => f.severity !== "pass")
      .map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title })),
    owner: c.owner,
  };
}

/**
 * One account-region's audit reduced to what is stored: each target's row, and what could not be read. A
 * worker thread hands this back rather than the whole RegionAudit (evidence and all), which is several
 * times larger to copy to the server's thread.
 */
export interface StoredRegion {
  region: string;
  targets: TargetStateInput[];
  problems: AwsProblem[];
  failed?: AwsProblem;
}

export function storedRegionOf(audit: RegionAudit, accountName: string): StoredRegion {
  return {
    region: audit.region,
    targets: audit.clusters.map((c) => targetStateOf(c, accountName)),
    problems: audit.problems,
    failed: audit.failed,
  };
}

/** Accounts' audits with each region reduced as above. */
export function storedAccountsOf(accounts: AccountAudit[]): AccountAudit<StoredRegion>[] {
  return accounts.map((a) => ({ ...a, regions: a.regions.map((r) => storedRegionOf(r, a.accountName)) }));
}

/** The whole audit as stored: verdicts, AWS errors by operation, failed account-regions, accounts, rows. */
export function toAuditResult(estate: EstateAccount[], accounts: AccountAudit<StoredRegion>[]): AuditResult {
  const result: AuditResult = { verdicts: [], awsErrors: {}, failedRegions: [], accounts: [] };
  const targets: TargetStateInput[] = [];
  const tried: AuditedScope[] = [];
  const countError = (op = "unknown") => (result.awsErrors[op] = (result.awsErrors[op] ?? 0) + 1);
  for (const a of accounts) {
    const account: AuditedAccount = { id: a.accountId, name: a.accountName, problem: a.problem?.message };
    result.accounts!.push(account);
    if (a.problem) {
      countError(a.problem.operation);
      // Nothing of it could be read: each of its regions keeps its last rows, marked with the reason.
      for (const region of estate.find((s) => s.accountId === a.accountId)?.regions ?? []) {
        tried.push({ accountId: a.accountId, region, failed: a.problem.message });
        result.failedRegions.push({ accountId: a.accountId, region, message: a.problem.message });
      }
      continue;
    }
    for (const audit of a.regions) {
      for (const state of audit.targets) {
        targets.push(state);
        result.verdicts.push({
          accountId: state.accountId,
          region: state.region,
          kind: state.kind,
          targetId: state.targetId,
          verdict: state.verdict,
          findings: state.findings,
        });
      }
      // A region that failed outright lists the same problem in both places: count it once.
      for (const p of new Set([...audit.problems, ...(audit.failed ? [audit.failed] : [])]))
        countError(p.operation);
      if (audit.failed)
        (account.regionProblems ??= []).push({ region: audit.region, failed: true, problem: audit.failed });
      else
        for (const problem of audit.problems)
          (account.regionProblems ??= []).push({ region: audit.region, failed: false, problem });
      const failed = audit.failed?.message;
      tried.push({ accountId: a.accountId, region: audit.region, failed });
      if (failed)
        result.failedRegions.push({ accountId: a.accountId, region: audit.region, message: failed });
    }
  }
  result.states = { targets, scopes: tried };
  return result;
}
