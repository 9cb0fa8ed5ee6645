/**
 * What a page shows while its server work (live AWS reads) is in flight: its heading straight away, a
 * status line a screen reader announces, and grey blocks where the content will be.
 */
export function PageLoading({
  title,
  status,
  blocks = 3,
}: {
  title: string;
  status: string;
  blocks?: number;
}) {
  return (
    <div aria-busy="true" className="space-y-6" data-testid="page-loading">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <p role="status" className="mt-1 text-[13px] text-slate-600">
          {status}
        </p>
      </div>
      <div aria-hidden className="space-y-3">
        {Array.from({ length: blocks }, (_, i) => (
          <div key={i} className="h-16 animate-pulse rounded-lg bg-slate-200/70" />
        ))}
      </div>
    </div>
  );
}
