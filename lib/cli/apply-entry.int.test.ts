/**
 * `npm run apply` as a process (tsx, no test bundler): its imports must load outside a react-server bundle,
 * or the command dies before reading its arguments while every in-process test passes.
 */
import { describe, expect, it } from "vitest";
import { runCliProcess } from "@/tools/testing/cli-helpers";

const env = { NODE_ENV: "test", PATH: process.env.PATH } as NodeJS.ProcessEnv;

describe("the apply entry point", () => {
  it(
    "starts as npm runs it: --help exits 0, a missing file exits 2 saying why",
    { timeout: 60_000 },
    async () => {
      const help = await runCliProcess("lib/cli/apply.ts", ["--help"], env);
      expect({ code: help.code, stderr: help.stderr }).toEqual({ code: 0, stderr: "" });
      expect(help.stdout).toMatch(/^Usage: npm run -s apply -- PLAN_FILE/);
      const missing = await runCliProcess("lib/cli/apply.ts", ["/nonexistent/plan.json", "--yes"], env);
      expect({ code: missing.code, stderr: missing.stderr }).toEqual({
        code: 2,
        stderr: expect.stringMatching(/^Cannot read \/nonexistent\/plan\.json: ENOENT/),
      });
    },
  );
});
