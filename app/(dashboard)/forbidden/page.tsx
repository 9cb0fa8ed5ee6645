import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireRole } from "@/lib/web/auth/require-role";
import { isRole } from "@/lib/web/auth/roles";

export const metadata: Metadata = { title: "Not allowed" };

/** Where requireRole sends a user whose role is too low: says which role is needed and who grants it. */
export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const user = await requireRole("viewer");
  const { need } = await searchParams;
  const needed = isRole(need) ? need : "operator";
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Not allowed</h1>
      <Notice tone="warning" title={`This needs the ${needed} role`} className="mt-4">
        You are signed in as <strong>{user.name}</strong> with the <strong>{user.role}</strong> role. Ask
        whoever runs QueueReady to give you the {needed} role in the users configuration.
      </Notice>
      <Link href="/status" className={buttonClasses("secondary", "md", "mt-6")}>
        Back to status
      </Link>
    </div>
  );
}
