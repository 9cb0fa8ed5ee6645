import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-3 text-sm text-slate-600">There is nothing at this address. The cluster or page may have been renamed or removed.</p>
      <Link href="/status" className={buttonClasses("primary", "md", "mt-8")}>
        Back to status
      </Link>
    </main>
  );
}
