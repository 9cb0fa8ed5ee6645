import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "./heap-limit";

describe("serverNodeOptions", () => {
  it("caps the heap at 512 MB by default, at QUEUEREADY_MAX_HEAP_MB when set, and keeps other options", () => {
    expect(serverNodeOptions({})).toBe("--max-old-space-size=512");
    expect(serverNodeOptions({ QUEUEREADY_MAX_HEAP_MB: "1024", NODE_OPTIONS: "--enable-source-maps" })).toBe(
      "--enable-source-maps --max-old-space-size=1024",
    );
  });

  it("leaves a ceiling set in NODE_OPTIONS alone, and refuses nonsense by name", () => {
    expect(serverNodeOptions({ NODE_OPTIONS: "--max-old-space-size=300" })).toBe("--max-old-space-size=300");
    for (const bad of ["64", "lots", "1.5"])
      expect(() => serverNodeOptions({ QUEUEREADY_MAX_HEAP_MB: bad })).toThrow(/^QUEUEREADY_MAX_HEAP_MB/);
  });
});
