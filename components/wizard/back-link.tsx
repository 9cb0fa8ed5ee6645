import Link from "next/link";

/** The quiet link beside a step's submit button: the previous step (every answer kept) or the status page. */
export function BackLink({ href, children = "Back" }: { href: string; children?: string }) {
  return (
    <Link href={href} className="text-[13px] text-slate-600 hover:text-slate-900">
      {children}
    </Link>
  );
}
