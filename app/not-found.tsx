import { buttonClasses } from "@/components/ui/button";

/**
 * A plain link, not next/link: this component ships with every route's first load, and next/link here
 * duplicated ~3 KB of client code the dashboard already carries. A 404 needs no client-side navigation.
 */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-3 text-sm text-slate-600">
        There is nothing at this address. The cluster or page may have been renamed or removed.
      </p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- deliberate, see above */}
      <a href="/status" className={buttonClasses("primary", "md", "mt-8")}>
        Back to status
      </a>
    </main>
  );
}
