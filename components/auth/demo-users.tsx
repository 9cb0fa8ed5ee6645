import { DEMO_PASSWORD } from "@/lib/web/auth/users";

/** Shown in demo mode only: who to sign in as. The demo talks to the local sandbox, never to AWS. */
export function DemoUsers() {
  return (
    <aside
      aria-labelledby="demo-users-title"
      className="rounded-lg border border-indigo-200 bg-indigo-50/70 px-4 py-3 text-[13px] text-indigo-950"
    >
      <h2 id="demo-users-title" className="font-semibold">
        Demo mode
      </h2>
      <p className="mt-1 text-indigo-900/80">
        This instance reads a local sandbox organization, not AWS. Sign in as:
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt>
          <code className="font-mono font-semibold">viewer</code>
        </dt>
        <dd>looks and previews changes</dd>
        <dt>
          <code className="font-mono font-semibold">operator</code>
        </dt>
        <dd>also applies changes</dd>
      </dl>
      <p className="mt-2">
        Password for both:{" "}
        <code className="rounded bg-white px-1.5 py-0.5 font-mono font-semibold ring-1 ring-indigo-200">
          {DEMO_PASSWORD}
        </code>
      </p>
    </aside>
  );
}
