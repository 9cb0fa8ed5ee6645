/**
 * The first thing a keyboard reaches on every page: jumps past the header to the page's content. Hidden
 * until focused, so it costs sighted mouse users nothing.
 */
export function SkipLink({ target = "main" }: { target?: string }) {
  return (
    <a
      href={`#${target}`}
      className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-700 focus:shadow-md focus:ring-2 focus:ring-indigo-600"
    >
      Skip to main content
    </a>
  );
}
