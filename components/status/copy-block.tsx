"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Code a person copies into a terminal or an editor: the text is always selectable; the button is a
 * shortcut and says in an aria-live region whether the copy worked (the clipboard needs a secure context).
 */
export function CopyBlock({
  text,
  label,
  wrap = false,
}: {
  text: string;
  label: string;
  /** Wrap long lines (shell commands) instead of scrolling (code). */ wrap?: boolean;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <figure className="overflow-hidden rounded-md border border-slate-200 bg-slate-950">
      <figcaption className="flex items-center justify-between gap-3 border-b border-slate-800 px-3 py-1.5">
        <span className="text-xs font-medium text-slate-300">{label}</span>
        <span className="flex items-center gap-2">
          <span aria-live="polite" className="text-xs text-slate-400">
            {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text instead" : ""}
          </span>
          <Button
            variant="secondary"
            size="sm"
            className="h-6 px-2 text-xs"
            onClick={copy}
            aria-label={`Copy ${label}`}
          >
            Copy
          </Button>
        </span>
      </figcaption>
      <pre
        className={`overflow-x-auto px-4 py-3 text-[12px] leading-relaxed text-slate-100 ${wrap ? "whitespace-pre-wrap break-all" : ""}`}
      >
        <code>{text}</code>
      </pre>
    </figure>
  );
}
