import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildNotice, buildReason, durationText, newestSourceMtime } from "@/lib/launch/build-if-needed";

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), "qr-build-"));
  for (const dir of ["app", "lib/adapters/aws", "tools/sandbox", ".next"])
    mkdirSync(path.join(root, dir), { recursive: true });
  const at = (file: string, seconds: number) => {
    writeFileSync(path.join(root, file), "x");
    utimesSync(path.join(root, file), seconds, seconds);
  };
  at("app/page.tsx", 1000);
  at("lib/adapters/aws/index.ts", 2000);
  at("lib/adapters/aws/index.test.ts", 9000);
  at("tools/sandbox/server.ts", 9000);
  at("package.json", 1500);
  return root;
}

describe("buildReason", () => {
  it("asks for a build when there is none", () => {
    expect(buildReason(project())).toBe("no production build yet");
  });

  it("ignores tests and the sandbox when finding the newest source", () => {
    expect(newestSourceMtime(project())).toBe(2_000_000);
  });

  it("rebuilds only when a source is newer than BUILD_ID", () => {
    const root = project();
    const buildId = path.join(root, ".next", "BUILD_ID");
    writeFileSync(buildId, "abc");
    utimesSync(buildId, 1999, 1999);
    expect(buildReason(root)).toBe("sources changed since the last build");
    utimesSync(buildId, 2001, 2001);
    expect(buildReason(root)).toBeNull();
  });
});

describe("the first-build banner says what the build really takes", () => {
  it("the measured range before any build here, the last build's time after one", () => {
    const first = buildNotice("no production build yet");
    expect(first).toBe(
      "Building QueueReady (no production build yet); the first build takes 2 to 5 minutes on a 2-core machine...",
    );
    expect(first).not.toMatch(/half a minute/);
    expect(buildNotice("sources changed since the last build", 252_000)).toBe(
      "Building QueueReady (sources changed since the last build); the last build here took 4 min 12 s...",
    );
  });

  it("durations as a person says them", () => {
    expect(durationText(45_400)).toBe("45 s");
    expect(durationText(120_000)).toBe("2 min");
    expect(durationText(251_938)).toBe("4 min 12 s");
  });
});
