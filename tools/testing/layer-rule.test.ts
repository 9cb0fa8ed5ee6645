import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// `npm run lint` is the guard of the layers (docs/ARCHITECTURE.md): these cases show it fails on a
// wrong-way import and passes a right-way one, with the project's own configuration.
const eslint = new ESLint({ cwd: process.cwd() });

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("imports run downward only", () => {
  it.each([
    [
      "lib/core/plan/x.ts",
      'import { storeAudit } from "@/lib/services/audit/store-audit";',
      "core",
      "service",
    ],
    ["lib/adapters/db/x.ts", 'import { callAws } from "@/lib/adapters/aws/call";', "adapter", "adapter"],
    [
      "lib/services/apply/x.ts",
      'import { requireRole } from "@/lib/web/auth/require-role";',
      "service",
      "web",
    ],
    ["lib/web/status/x.ts", 'import { Pager } from "@/components/status/pager";', "web", "entry"],
    ["lib/core/model/x.ts", 'import { callAws } from "../../adapters/aws/call";', "core", "adapter"],
  ])("%s may not import %s", async (file, line, from, to) => {
    const problems = await problemsOf(file, `${line}\nexport const used = 1;\n`);
    expect(problems.join("\n")).toContain(`${from} code may not import ${to} code`);
  });

  it("product code never imports the dev tools", async () => {
    const problems = await problemsOf(
      "lib/web/status/x.ts",
      'import { startSandbox } from "@/tools/sandbox";\nexport const s = startSandbox;\n',
    );
    expect(problems.join("\n")).toMatch(/may not import tool code|never imports tools/);
  });

  it("only the database adapter imports Drizzle, only the AWS adapter the SDK", async () => {
    const drizzle = await problemsOf(
      "lib/services/audit/x.ts",
      'import { eq } from "drizzle-orm";\nexport const e = eq;\n',
    );
    expect(drizzle.join("\n")).toContain("Only lib/adapters/db imports this library.");
    const sdk = await problemsOf(
      "lib/adapters/db/x.ts",
      'import { EC2Client } from "@aws-sdk/client-ec2";\nexport const c = EC2Client;\n',
    );
    expect(sdk.join("\n")).toContain("Only lib/adapters/aws imports this library.");
  });

  it("a downward import passes", async () => {
    const problems = await problemsOf(
      "lib/services/audit/x.ts",
      'import { transitionOf } from "@/lib/core/alerts/transitions";\nimport { finishAudit } from "@/lib/adapters/db/audits";\nexport const f = [transitionOf, finishAudit];\n',
    );
    expect(problems).toEqual([]);
  });
});
