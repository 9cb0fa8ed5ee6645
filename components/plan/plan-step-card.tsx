import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { ACTION_LABEL, effectLine, paramsText } from "@/components/plan/format";
import type { PermissionCheck } from "@/lib/services/apply/preview";
import { stepActions, type PlanStep } from "@/lib/core/plan";

const ACTION_TONE = { create: "green", change: "amber", "no-op": "neutral" } as const;

function PermissionLine({ check }: { check: PermissionCheck }) {
  const tone =
    check.result === "allowed"
      ? "text-emerald-700"
      : check.result === "denied"
        ? "text-red-700"
        : "text-slate-500";
  const label =
    check.result === "allowed"
      ? "DryRun: allowed"
      : check.result === "denied"
        ? "DryRun: denied"
        : "Not checked";
  return (
    <p className={cx("text-xs", tone)} data-testid={`permission-${check.stepId}`}>
      <strong>{label}.</strong>{" "}
      {check.result === "denied" && check.problem?.iamAction ? (
        <>
          Grant <code className="font-mono">{check.problem.iamAction}</code>.{" "}
        </>
      ) : null}
      {check.result === "allowed" ? null : check.message}
    </p>
  );
}

/** One ordered step of the preview: the AWS call with its exact parameters, before → after, effect, reach. */
export function PlanStepCard({
  step,
  index,
  permission,
  runsAs,
  heading: Heading = "h3",
}: {
  step: PlanStep;
  index: number;
  permission?: PermissionCheck;
  /** The principal the call is made with: the account's apply role, or QueueReady's own credentials. */
  runsAs?: string;
  /** h4 when the card sits under a review section's h3. */
  heading?: "h3" | "h4";
}) {
  const noop = step.action === "no-op";
  return (
    <li
      className={cx(
        "rounded-lg border px-3 py-3 sm:px-4",
        noop ? "border-dashed border-slate-200 bg-slate-50/60" : "border-slate-200 bg-white",
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700">
          {index + 1}
        </span>
        <Heading className="min-w-0 break-words text-[14px] font-semibold text-slate-900">
          {step.title}
        </Heading>
        <Badge tone={ACTION_TONE[step.action]}>{ACTION_LABEL[step.action]}</Badge>
        {step.securitySensitive && !noop ? <Badge tone="red">security-sensitive</Badge> : null}
      </div>
      <p className="mt-1 break-words font-mono text-xs text-slate-600">
        {step.service}:{step.operation}
      </p>
      {noop ? (
        <p className="mt-2 text-[13px] text-slate-600 [overflow-wrap:anywhere]">
          Already in place: {step.noopReason}
        </p>
      ) : (
        <div className="mt-3 space-y-3">
          {step.changes.length > 0 ? (
            <table className="w-full table-fixed text-left text-[13px] [overflow-wrap:anywhere]">
              <caption className="sr-only">Before and after</caption>
              <thead>
                <tr className="text-xs uppercase tracking-wide text-slate-500">
                  <th className="py-1 pr-4 font-medium">Attribute</th>
                  <th className="py-1 pr-4 font-medium">Before</th>
                  <th className="py-1 font-medium">After</th>
                </tr>
              </thead>
              <tbody className="font-mono text-xs">
                {step.changes.map((c) => (
                  <tr key={c.attribute} className="border-t border-slate-100 align-top">
                    <td className="py-1.5 pr-4 font-sans text-slate-700">
                      {c.attribute}
                      {c.requiresReboot ? (
                        <>
                          {" "}
                          <Badge tone="amber">requires reboot</Badge>
                        </>
                      ) : null}
                      {c.note ? <span className="block text-xs text-slate-500">{c.note}</span> : null}
                    </td>
                    <td className="py-1.5 pr-4 text-slate-500">{c.before ?? "(does not exist)"}</td>
                    <td className="py-1.5 text-slate-900">{c.after ?? "(removed)"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="text-xs text-slate-700">
            <strong>{effectLine(step)}.</strong>
          </p>
          {step.touches.length > 0 ? (
            <p className="text-xs font-medium text-amber-800">
              Also changes: {step.touches.join(", ")} (they share the group this step edits).
            </p>
          ) : null}
          {/* Closed by default: the preview stays a page to review, not 3,000 px of JSON; one click opens it. */}
          <details className="text-xs">
            <summary className="cursor-pointer text-slate-600 hover:text-slate-900">
              Why, {runsAs ? "IAM and " : ""}the exact parameters of {step.operation}
            </summary>
            <div className="mt-2 space-y-2">
              <p className="text-slate-700">{step.effect.why}</p>
              {runsAs ? (
                <p className="text-slate-700 [overflow-wrap:anywhere]" data-testid={`iam-${step.id}`}>
                  <strong>IAM:</strong> runs as <code className="font-mono">{runsAs}</code>, which needs{" "}
                  {stepActions(step).map((a, i) => (
                    <span key={a}>
                      {i > 0 ? ", " : null}
                      <code className="font-mono">{a}</code>
                    </span>
                  ))}
                  .
                </p>
              ) : null}
              <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-[12px] text-slate-100">
                {paramsText(step)}
              </pre>
            </div>
          </details>
          {permission ? <PermissionLine check={permission} /> : null}
        </div>
      )}
    </li>
  );
}
