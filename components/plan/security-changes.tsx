import type { Plan } from "@/lib/core/plan";

/**
 * The security-sensitive changes (new security groups, inbound rules, the cluster's security group list)
 * set apart from the rest, so a reviewer cannot miss who gets network access.
 */
export function SecurityChanges({ plan }: { plan: Plan }) {
  const steps = plan.steps.filter((s) => s.securitySensitive && s.action !== "no-op");
  const none = steps.length === 0;
  // Red draws the eye to who gets network access; "none" is good news and is drawn as a plain note.
  return (
    <section
      aria-labelledby="security-changes"
      data-tone={none ? "none" : "changes"}
      className={
        none
          ? "rounded-lg border border-slate-200 bg-white px-4 py-3"
          : "rounded-lg border-2 border-red-200 bg-red-50/50 px-4 py-3"
      }
    >
      <h2
        id="security-changes"
        className={`text-[14px] font-semibold ${none ? "text-slate-900" : "text-red-900"}`}
      >
        Security-sensitive changes
      </h2>
      {none ? (
        <p className="mt-1 text-[13px] text-slate-700">None: no security group or inbound rule changes.</p>
      ) : (
        <ul className="mt-2 space-y-1.5 text-[13px] text-slate-800 [overflow-wrap:anywhere]">
          {steps.map((s) => (
            <li key={s.id}>
              <strong>{s.title}.</strong>{" "}
              {s.changes
                .map((c) => `${c.attribute}: ${c.before ?? "none"} → ${c.after ?? "none"}`)
                .join("; ")}
              {s.touches.length > 0 ? (
                <span className="text-amber-800"> Also opens it for {s.touches.join(", ")}.</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
