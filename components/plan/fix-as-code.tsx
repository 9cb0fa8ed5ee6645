import { buttonClasses } from "@/components/ui/button";

/**
 * For a plan that changes what a CloudFormation stack or Terraform owns: the same fix as the owner's code,
 * to merge there (so its next deploy keeps it instead of undoing it).
 */
export function FixAsCode({ previewId }: { previewId: string }) {
  return (
    <section
      aria-labelledby="fix-as-code"
      className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3"
    >
      <h2 id="fix-as-code" className="text-[14px] font-semibold text-slate-900">
        Fix it where it is owned
      </h2>
      <p className="text-[13px] text-slate-700">
        The resources this plan adds and the change to the owner&apos;s own resource, as code to merge into
        the stack or the Terraform configuration that owns it.
      </p>
      <div className="flex flex-wrap gap-3">
        <a
          className={buttonClasses("primary", "sm")}
          href={`/changes/plan/${previewId}?format=terraform`}
          download
        >
          Download Terraform
        </a>
        <a
          className={buttonClasses("secondary", "sm")}
          href={`/changes/plan/${previewId}?format=cloudformation`}
          download
        >
          Download CloudFormation
        </a>
      </div>
    </section>
  );
}
