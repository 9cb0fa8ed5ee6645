import { describe, expect, it } from "vitest";
import { parseApplyArgs } from "./apply-args";
import { parsePlanArgs } from "./plan-args";

describe("npm run plan arguments", () => {
  it("takes one or more clusters, or --all, with repeated regions", () => {
    const one = parsePlanArgs(["--cluster", "orders-redis7", "--region", "us-east-1", "--out", "p.json"]);
    expect(one).toMatchObject({
      ok: true,
      args: { clusters: ["orders-redis7"], regions: ["us-east-1"], out: "p.json" },
    });
    const all = parsePlanArgs(["--all", "--region", "us-east-1", "--region", "eu-west-1", "--json"]);
    expect(all).toMatchObject({
      ok: true,
      args: { all: true, regions: ["us-east-1", "eu-west-1"], json: true },
    });
  });

  it("takes the accounts as npm run audit does: --all-accounts, or --account ID repeated", () => {
    expect(parsePlanArgs(["--all", "--all-accounts"])).toMatchObject({
      ok: true,
      args: { all: true, allAccounts: true, accounts: [] },
    });
    expect(
      parsePlanArgs(["--cluster", "x", "--account", "210987654321", "--account", "345678901234"]),
    ).toMatchObject({ ok: true, args: { allAccounts: false, accounts: ["210987654321", "345678901234"] } });
    expect(parsePlanArgs(["--all"])).toMatchObject({ ok: true, args: { allAccounts: false, accounts: [] } });
    expect(parsePlanArgs(["--all", "--account", "2109876543"])).toEqual({
      ok: false,
      message: '--account "2109876543" is not a 12-digit AWS account id',
    });
  });

  it("maps the wizard's fields to flags", () => {
    const parsed = parsePlanArgs([
      "--cluster",
      "x",
      "--edit-shared",
      "shared-lru",
      "--confirm",
      "a",
      "--confirm",
      "b",
      "--cidr",
      "10.0.0.0/16",
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      args: { flags: { editShared: "shared-lru", confirm: ["a", "b"], cidr: "10.0.0.0/16" } },
    });
  });

  it("refuses what cannot mean one thing", () => {
    const message = (argv: string[]) => {
      const r = parsePlanArgs(argv);
      return r.ok ? "" : r.message;
    };
    expect(message([])).toBe("Choose either --cluster ID or --all.");
    expect(message(["--all", "--cluster", "x"])).toBe("Choose either --cluster ID or --all.");
    expect(message(["--all", "--cidr", "10.0.0.0/8"])).toMatch(/single --cluster/);
    expect(message(["--cluster", "x", "--parameter-group", "a", "--new-parameter-group", "b"])).toMatch(
      /Choose one of/,
    );
    expect(message(["--cluster", "x", "--cidr", "10.0.0.0/8", "--anywhere"])).toMatch(/Choose one of/);
    expect(message(["--cluster", "x", "--confirm", "y"])).toBe("--confirm goes with --edit-shared.");
    expect(message(["--all", "--region", "mars-1"])).toMatch(/regions: is not an AWS region name/);
    expect(message(["--all", "--bogus"])).toMatch(/Unknown option '--bogus'/);
  });
});

describe("npm run apply arguments", () => {
  it("takes one plan file, --yes, --stop-on-refusal, --as and a max age", () => {
    expect(
      parseApplyArgs(["p.json", "--yes", "--stop-on-refusal", "--as", "ci", "--max-age", "90m"]),
    ).toEqual({
      ok: true,
      args: {
        file: "p.json",
        yes: true,
        stopOnRefusal: true,
        as: "ci",
        maxAgeMs: 90 * 60_000,
        allowUnsigned: false,
        help: false,
        demo: false,
      },
    });
    expect(parseApplyArgs(["p.json", "--insecure-allow-unsigned-plan"])).toMatchObject({
      ok: true,
      args: { allowUnsigned: true },
    });
    expect(parseApplyArgs(["p.json"], { QUEUEREADY_PLAN_MAX_AGE: "2d" })).toMatchObject({
      ok: true,
      args: { maxAgeMs: 2 * 86_400_000 },
    });
    expect(parseApplyArgs(["p.json"])).toMatchObject({
      ok: true,
      args: { maxAgeMs: 24 * 3_600_000, yes: false },
    });
  });

  it("refuses no file, two files and a bad age", () => {
    expect(parseApplyArgs([])).toEqual({ ok: false, message: "Name exactly one plan file to apply." });
    expect(parseApplyArgs(["a.json", "b.json"])).toMatchObject({ ok: false });
    expect(parseApplyArgs(["a.json", "--max-age", "soon"])).toEqual({
      ok: false,
      message: "--max-age is not a duration such as 90m, 24h or 2d",
    });
  });
});
