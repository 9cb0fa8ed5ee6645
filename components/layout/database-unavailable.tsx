import { Notice } from "@/components/ui/notice";
import { UNAVAILABLE_MESSAGE } from "@/lib/web/http/unavailable";

/** In place of a dashboard page while the database does not answer: the session stays, nothing is lost. */
export function DatabaseUnavailable() {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-20">
      <Notice tone="error" title="QueueReady is temporarily unavailable">
        <p>{UNAVAILABLE_MESSAGE}</p>
      </Notice>
      {/* A full page load: the next request tries the database again. */}
      <a href="" className="mt-6 inline-block underline">
        Try again
      </a>
    </main>
  );
}
