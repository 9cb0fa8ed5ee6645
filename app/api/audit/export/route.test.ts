import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => ({ name: "vera", role: "viewer" }) }));
const { GET } = await import("./route");

let sandbox: RunningSandbox;
const saved = { ...process.env };

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  Object.assign(process.env, {
    QUEUEREADY_AWS_ENDPOINT: sandbox.url,
    QUEUEREADY_REGIONS: "us-east-1,eu-west-1",
    AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
    AWS_SECRET_ACCESS_KEY: "sandbox-secret",
  });
});
afterAll(async () => {
  process.env = saved;
  await sandbox.close();
});

const get = (query: string) => GET(new Request(`http://127.0.0.1/api/audit/export?${query}`));

describe("GET /api/audit/export", () => {
  it("refuses a region that is not configured, reading nothing", async () => {
    sandbox.control.resetCalls();
    const response = await get("format=json&region=ap-south-9");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'Region "ap-south-9" is not configured; configured: us-east-1, eu-west-1.',
    });
    expect(sandbox.control.calls()).toEqual({});
  });

  it("exports a configured region", async () => {
    const response = await get("format=json&region=eu-west-1");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.regions.map((r: { region: string }) => r.region)).toEqual(["eu-west-1"]);
  });
});
