import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseConfigFromEnv } from "./config";

describe("databaseConfigFromEnv", () => {
  it("uses the embedded database under QUEUEREADY_DATA_DIR, else .queueready", () => {
    expect(databaseConfigFromEnv({ QUEUEREADY_DATA_DIR: "/data/qr" })).toEqual({
      kind: "embedded",
      dataDir: "/data/qr",
    });
    expect(databaseConfigFromEnv({})).toEqual({ kind: "embedded", dataDir: path.resolve(".queueready") });
  });

  it("uses a server for a postgres:// DATABASE_URL and refuses anything else, naming the variable", () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: " postgresql://u:p@db:5432/qr " })).toMatchObject({
      kind: "postgres",
      url: "postgresql://u:p@db:5432/qr",
    });
    for (const bad of ["mysql://db/qr", "not a url", "http://db"])
      expect(() => databaseConfigFromEnv({ DATABASE_URL: bad })).toThrow(/DATABASE_URL must be a postgres/);
  });
});
