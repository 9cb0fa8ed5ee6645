import { describe, expect, it } from "vitest";
import { parseAuditArgs } from "./audit-args";

describe("parseAuditArgs", () => {
  it.each([
    {
      argv: [],
      result: {
        ok: true,
        args: {
          regions: [],
          clusters: [],
          format: "table",
          help: false,
          allAccounts: false,
          accounts: [],
          demo: false,
        },
      },
    },
    {
      argv: ["--region", "us-east-1", "--region", "eu-west-1", "--region", "us-east-1"],
      result: {
        ok: true,
        args: {
          regions: ["us-east-1", "eu-west-1"],
          clusters: [],
          format: "table",
          help: false,
          allAccounts: false,
          accounts: [],
          demo: false,
        },
      },
    },
    {
      argv: ["--region=us-gov-west-1", "--cluster", "orders", "--json"],
      result: {
        ok: true,
        args: {
          regions: ["us-gov-west-1"],
          clusters: ["orders"],
          format: "json",
          help: false,
          allAccounts: false,
          accounts: [],
          demo: false,
        },
      },
    },
    {
      argv: ["--csv", "-h"],
      result: {
        ok: true,
        args: {
          regions: [],
          clusters: [],
          format: "csv",
          help: true,
          allAccounts: false,
          accounts: [],
          demo: false,
        },
      },
    },
    {
      argv: ["--demo", "--json"],
      result: {
        ok: true,
        args: {
          regions: [],
          clusters: [],
          format: "json",
          help: false,
          demo: true,
          allAccounts: false,
          accounts: [],
        },
      },
    },
    {
      argv: ["--region", "moon"],
      result: {
        ok: false,
        message: '--region "moon" is not an AWS region name (expected something like us-east-1)',
      },
    },
    { argv: ["--cluster", " "], result: { ok: false, message: "--cluster a cluster name cannot be empty" } },
    { argv: ["--json", "--csv"], result: { ok: false, message: "Choose one of --json and --csv." } },
    {
      argv: ["--all-accounts", "--account", "210987654321", "--account", "210987654321"],
      result: {
        ok: true,
        args: {
          regions: [],
          clusters: [],
          format: "table",
          help: false,
          allAccounts: true,
          accounts: ["210987654321"],
          demo: false,
        },
      },
    },
    {
      argv: ["--account", "staging"],
      result: { ok: false, message: '--account "staging" is not a 12-digit AWS account id' },
    },
  ])("$argv", ({ argv, result }) => {
    expect(parseAuditArgs(argv)).toEqual(result);
  });

  it.each([["--regoin", "us-east-1"], ["orders"], ["--region"]])(
    "rejects %j with the parser's reason",
    (...argv) => {
      const parsed = parseAuditArgs(argv);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? "" : parsed.message.length).toBeGreaterThan(10);
    },
  );
});
