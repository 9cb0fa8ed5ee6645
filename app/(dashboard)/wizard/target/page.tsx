import type { Metadata } from "next";
import Link from "next/link";
import { RegionTabs } from "@/components/status/region-tabs";
import { cx } from "@/components/ui/cx";
import { Notice } from "@/components/ui/notice";
import { AccountChoice } from "@/components/wizard/account-choice";
import { ClusterOptions } from "@/components/wizard/cluster-options";
import { FieldError } from "@/components/wizard/fields";
import { StepForm } from "@/components/wizard/step-form";
import { StepUnavailable } from "@/components/wizard/step-unavailable";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { getEstate } from "@/lib/services/estate";
import { targetOptions } from "@/lib/core/plan";
import { readRegion, regionOf } from "@/lib/web/wizard/live";
import { loadStep, type SearchParams } from "@/lib/web/wizard/load-step";
import { toQuery } from "@/lib/web/wizard/params";
import { plural } from "@/lib/core/text/plural";

export const metadata: Metadata = { title: "Wizard: target" };

/** Step 1: account (when there are several), region, VPC (clusters counted), cluster in that VPC. Pre-filled from the status page's fix link. */
export default async function TargetStep({ searchParams }: { searchParams: SearchParams }) {
  const { params, setup } = await loadStep("target", searchParams);
  if (!setup.ok) return <StepUnavailable step="target" params={params} problem={setup.problem} />;
  const { region, unconfigured } = regionOf(setup.settings, params.region);
  const account = setup.account.accountId;
  const estate = await getEstate();
  const options = targetOptions(await readRegion(setup.settings, region));
  const chosen = options.clusters.find((c) => c.kind === params.kind && c.id === params.id);
  const vpcId = params.vpc ?? chosen?.vpcId ?? options.vpcs.find((v) => v.clusterCount > 0)?.id;
  const inVpc = options.clusters.filter((c) => c.vpcId === vpcId);
  const noVpc = options.clusters.filter((c) => !c.vpcId);

  const notices = (
    <>
      {unconfigured ? (
        <Notice tone="warning" title={`Region ${unconfigured} is not configured`}>
          Showing {region}. Add it to QUEUEREADY_REGIONS to plan there.
        </Notice>
      ) : null}
      {options.problems.map((p) => (
        <Notice key={p} tone="error" title="Part of the region could not be read">
          {p}
        </Notice>
      ))}
    </>
  );
  return (
    <WizardFrame
      step="target"
      params={{ ...params, region }}
      description="Which cluster should BullMQ use? Choose the region, the VPC, then the cluster."
      notices={notices}
    >
      <StepForm
        step="target"
        hidden={{ account, region, vpc: vpcId }}
        submitLabel="Continue to network access"
        back={{ href: "/status", label: "Back to status" }}
      >
        {estate.ok && estate.accounts.length > 1 ? (
          <AccountChoice accounts={estate.accounts} current={account} />
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-[13px] font-medium text-slate-700">Region</span>
          <RegionTabs
            regions={setup.settings.regions}
            current={region}
            basePath={`/wizard/target?${toQuery({ account })}`}
          />
          <FieldError name="region" />
        </div>
        <nav aria-label="VPC" className="space-y-1.5">
          <p className="text-[13px] font-medium text-slate-700">VPC</p>
          <ul className="flex flex-wrap gap-2">
            {options.vpcs.map((v) => (
              <li key={v.id}>
                <Link
                  href={`/wizard/target?${toQuery({ account, region, vpc: v.id })}`}
                  aria-current={v.id === vpcId ? "page" : undefined}
                  prefetch={false}
                  className={cx(
                    "block rounded-md px-3 py-2 text-[13px] ring-1",
                    v.id === vpcId ? "bg-indigo-50 ring-indigo-300" : "ring-slate-200 hover:bg-slate-50",
                  )}
                >
                  <span className="font-medium text-slate-900">{v.name ?? v.id}</span>{" "}
                  <span className="text-slate-500">{plural(v.clusterCount, "cluster")}</span>
                  <span className="block font-mono text-xs text-slate-500">
                    {v.id} · {v.cidrBlocks.join(", ")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {inVpc.length > 0 ? (
          <ClusterOptions options={inVpc} selected={chosen ? `${chosen.kind}/${chosen.id}` : undefined} />
        ) : (
          <p className="text-[13px] text-slate-500">No ElastiCache or MemoryDB cluster in this VPC.</p>
        )}
        <FieldError name="id" />
        {noVpc.length > 0 ? (
          <p className="text-xs text-slate-500">
            VPC unknown (its subnet group or security groups were not read):{" "}
            {noVpc.map((c) => c.id).join(", ")}.
          </p>
        ) : null}
      </StepForm>
    </WizardFrame>
  );
}
