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

  it("sizes the server pool from QUEUEREADY_DB_POOL_MAX and _QUEUE, refusing nonsense by name", () => {
    const url = "postgres://db/qr";
    expect(databaseConfigFromEnv({ DATABASE_URL: url })).toMatchObject({
      pool: { max: 20, maxWaiting: 1_000 },
    });
    expect(
      databaseConfigFromEnv({
        DATABASE_URL: url,
        QUEUEREADY_DB_POOL_MAX: "40",
        QUEUEREADY_DB_POOL_QUEUE: "0",
      }),
    ).toMatchObject({ pool: { max: 40, maxWaiting: 0 } });
    for (const [name, value] of [
      ["QUEUEREADY_DB_POOL_MAX", "0"],
      ["QUEUEREADY_DB_POOL_MAX", "ten"],
      ["QUEUEREADY_DB_POOL_QUEUE", "-1"],
      ["QUEUEREADY_DB_POOL_QUEUE", "1.5"],
    ] as const)
      expect(() => databaseConfigFromEnv({ DATABASE_URL: url, [name]: value })).toThrow(
        new RegExp(`^${name}`),
      );
  });
});
