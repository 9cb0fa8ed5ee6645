import { describe, expect, it } from "vitest";
import { parseFlags } from "./parse-flags";

const options = {
  region: { type: "string", multiple: true },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

describe("parseFlags", () => {
  it("gives the values and, where allowed, the positionals", () => {
    expect(parseFlags(["--region", "us-east-1", "--region", "eu-west-1", "-h"], options)).toEqual({
      ok: true,
      values: { region: ["us-east-1", "eu-west-1"], help: true },
      positionals: [],
    });
    expect(parseFlags(["plan.json", "--json"], options, { positionals: true })).toMatchObject({
      ok: true,
      values: { json: true },
      positionals: ["plan.json"],
    });
  });

  it.each([
    { argv: ["--regoin", "us-east-1"], message: /Unknown option '--regoin'/ },
    { argv: ["--region"], message: /Option '--region <value>' argument missing/ },
    { argv: ["plan.json"], message: /Unexpected argument 'plan.json'/ },
    { argv: ["--json=yes"], message: /Option '--json' does not take an argument/ },
  ])("returns the parse error for $argv as a message, never a throw", ({ argv, message }) => {
    const parsed = parseFlags(argv, options);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.message).toMatch(message);
  });
});
