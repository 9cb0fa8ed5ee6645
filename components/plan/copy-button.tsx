"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a text to the clipboard and says so; the text stays selectable for browsers that refuse. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy}>
        {label}
      </Button>
      <span aria-live="polite" className="text-xs text-slate-500">
        {state === "copied"
          ? "Copied."
          : state === "failed"
            ? "The browser refused: select the text instead."
            : ""}
      </span>
    </span>
  );
}
