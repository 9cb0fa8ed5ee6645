import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DispatchEnv } from "./dispatch";
import { startSandbox, type RunningSandbox, type SandboxControl } from "./index";
import { buildState } from "./seed/build";
import { answerDelay, listen } from "./server";
import { authorization, call, errorCode, text, texts } from "./testing/wire-client";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.control.clearFaults();
  sb.control.resetCalls();
  sb.control.configure({ latencyMs: 0 });
});
const raw = (body: string, auth = authorization("us-east-1", "elasticache")) =>
  fetch(sb.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth },
    body,
  });

describe("request handling", () => {
  it("answers a malformed body with an AWS 400 and keeps serving", async () => {
    const bad = await raw("Action=DescribeCacheClusters&Version=2015-02-02&Filter..Name=x");
    expect(bad.status).toBe(400);
    expect(errorCode(await bad.text())).toBe("MalformedQueryString");
    const noAction = await raw("Version=2015-02-02");
    expect(errorCode(await noAction.text())).toBe("MissingAction");
    const good = await call(sb.url, "elasticache", "DescribeCacheClusters", {
      CacheClusterId: "standalone-redis",
    });
    expect(text(good.xml, "CacheClusterId")).toBe("standalone-redis");
  });

  it("refuses an unknown region with a 4xx naming it, then serves a known one", async () => {
    const ec = await call(sb.url, "elasticache", "DescribeReplicationGroups", {}, "xx-nowhere-9");
    expect([ec.status, errorCode(ec.xml)]).toEqual([403, "UnrecognizedClientException"]);
    expect(text(ec.xml, "Message")).toContain("xx-nowhere-9");
    const ec2 = await call(sb.url, "ec2", "DescribeVpcs", {}, "xx-nowhere-9");
    expect([ec2.status, errorCode(ec2.xml)]).toEqual([403, "UnrecognizedClientException"]);
    expect(text(ec2.xml, "Message")).toBe(
      "Invalid region &apos;xx-nowhere-9&apos;: this endpoint serves us-east-1, eu-west-1.",
    );
    const eu = await call(sb.url, "elasticache", "DescribeReplicationGroups", {}, "eu-west-1");
    expect(texts(eu.xml, "ReplicationGroupId")).toEqual(["eu-orders", "eu-jobs-valkey7"]);
  });

  it("falls back on Version when the request is unsigned, and names unsupported actions", async () => {
    const unsigned = await fetch(sb.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=DescribeVpcs&Version=2016-11-15",
    });
    expect(texts(await unsigned.text(), "vpcId")).toHaveLength(3);
    const other = await call(sb.url, "elasticache", "CreateReplicationGroup");
    expect([other.status, errorCode(other.xml)]).toEqual([400, "InvalidAction"]);
    expect(text(other.xml, "Message")).toContain("CreateReplicationGroup");
  });

  it("counts calls per service:Operation", async () => {
    await call(sb.url, "elasticache", "DescribeCacheClusters");
    await call(sb.url, "elasticache", "DescribeCacheClusters");
    await call(sb.url, "ec2", "DescribeSecurityGroups");
    expect(sb.control.calls()).toEqual({
      "elasticache:DescribeCacheClusters": 2,
      "ec2:DescribeSecurityGroups": 1,
    });
  });
});

describe("faults", () => {
  it("throttles with each service's code, for `count` calls only", async () => {
    sb.control.addFault({ operation: "*", kind: "throttle", count: 2 });
    const ec = await call(sb.url, "elasticache", "DescribeCacheClusters");
    expect([ec.status, errorCode(ec.xml)]).toEqual([400, "Throttling"]);
    const ec2 = await call(sb.url, "ec2", "DescribeVpcs");
    expect([ec2.status, errorCode(ec2.xml)]).toEqual([503, "RequestLimitExceeded"]);
    expect((await call(sb.url, "ec2", "DescribeVpcs")).status).toBe(200);
  });

  it("fails with 5xx and with AccessDenied naming the action", async () => {
    sb.control.addFault({ operation: "DescribeCacheParameters", kind: "5xx", region: "us-east-1" });
    const five = await call(sb.url, "elasticache", "DescribeCacheParameters", {
      CacheParameterGroupName: "default.redis7",
    });
    expect([five.status, errorCode(five.xml)]).toEqual([500, "InternalFailure"]);
    const euUnaffected = await call(
      sb.url,
      "elasticache",
      "DescribeCacheParameters",
      { CacheParameterGroupName: "default.redis7" },
      "eu-west-1",
    );
    expect(euUnaffected.status).toBe(200);
    sb.control.addFault({ operation: "DescribeCacheClusters", kind: "access-denied" });
    const denied = await call(sb.url, "elasticache", "DescribeCacheClusters");
    expect([denied.status, errorCode(denied.xml)]).toEqual([403, "AccessDenied"]);
    expect(text(denied.xml, "Message")).toMatch(
      /^User: arn:aws:iam::123456789012:user\/sandbox is not authorized to perform: elasticache:DescribeCacheClusters on resource: /,
    );
  });

  it("holds a request past the client's timeout, then serves the next one", async () => {
    sb.control.addFault({ operation: "DescribeVpcs", kind: "timeout", count: 1, holdMs: 5_000 });
    const started = Date.now();
    await expect(
      fetch(sb.url, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: authorization("us-east-1", "ec2"),
        },
        body: "Action=DescribeVpcs&Version=2016-11-15",
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect((await call(sb.url, "ec2", "DescribeVpcs")).status).toBe(200);
  });

  it("adds per-call latency", async () => {
    sb.control.configure({ latencyMs: 120 });
    const started = Date.now();
    await call(sb.url, "ec2", "DescribeVpcs");
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });
});

describe("control API over HTTP", () => {
  const control = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${sb.url}/_sandbox/${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("mirrors the in-process control", async () => {
    expect(await (await control("GET", "health")).json()).toEqual({
      ok: true,
      regions: ["us-east-1", "eu-west-1"],
    });
    expect(
      (await control("POST", "faults", { operation: "DescribeVpcs", kind: "throttle", count: 1 })).status,
    ).toBe(200);
    expect(errorCode((await call(sb.url, "ec2", "DescribeVpcs")).xml)).toBe("RequestLimitExceeded");
    expect(await (await control("GET", "calls")).json()).toEqual({ "ec2:DescribeVpcs": 1 });
    expect((await control("DELETE", "calls")).status).toBe(200);
    expect(await (await control("GET", "calls")).json()).toEqual({});
    const bad = await control("POST", "faults", { operation: "X", kind: "explode" });
    expect(bad.status).toBe(400);
    expect((await control("POST", "config", { applyDelayMs: 10 })).status).toBe(200);
    expect((await control("POST", "reset", { seed: "default" })).status).toBe(200);
  });

  it("refuses what a web page could send cross-site: a POST that is not JSON, or a foreign Origin", async () => {
    sb.control.configure({ latencyMs: 0 });
    const post = (path: string, body: string, headers: Record<string, string>) =>
      fetch(`${sb.url}/_sandbox/${path}`, { method: "POST", body, headers });
    const fault = JSON.stringify({ operation: "DescribeVpcs", kind: "throttle", count: 1 });
    // A form post, or fetch(..., { mode: "no-cors" }) with a string body: no preflight, sent as text/plain.
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
      const res = await post("faults", fault, { "content-type": type });
      expect({ type, status: res.status }).toEqual({ type, status: 415 });
    }
    expect((await post("config", '{"latencyMs":5000}', {})).status).toBe(415);
    for (const origin of ["https://evil.example", "null", "http://127.0.0.1.evil.example:4566"]) {
      const res = await control("POST", "faults", JSON.parse(fault), { origin });
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
      expect((await control("GET", "calls", undefined, { origin })).status).toBe(403);
    }
    // Nothing got through: no fault, no latency.
    expect(errorCode((await call(sb.url, "ec2", "DescribeVpcs")).xml)).toBeUndefined();
    // Loopback pages (a local tool's UI) and scripts still work.
    for (const origin of ["http://127.0.0.1:3000", "http://localhost:5173", "http://[::1]:8080"])
      expect((await control("POST", "config", { latencyMs: 0 }, { origin })).status).toBe(200);
    expect(
      (
        await control(
          "POST",
          "config",
          { latencyMs: 0 },
          { "content-type": "application/json; charset=utf-8" },
        )
      ).status,
    ).toBe(200);
  });
});

describe("latency is the round trip, counted from the request's arrival", () => {
  it("holds an answer for what is left of the latency after building it", () => {
    expect([
      answerDelay(40, 0),
      answerDelay(40, 12.5),
      answerDelay(40, 40),
      answerDelay(40, 55),
      answerDelay(0, 3),
    ]).toEqual([40, 27.5, 0, 0, 0]);
  });

  /** A server whose every AWS call takes `buildMs` of CPU to answer (busy, as a large page is). */
  async function slowServer(buildMs: number, latencyMs: number) {
    const busy = () => {
      const until = performance.now() + buildMs;
      while (performance.now() < until) {
        /* building */
      }
    };
    const env: DispatchEnv = {
      state: buildState("default"),
      applyDelayMs: 0,
      now: () => Date.now(),
      countCall: busy,
      matchFault: () => undefined,
      afterWrite: () => {},
      log: () => {},
    };
    const unused = () => {
      throw new Error("the control API is not used here");
    };
    const control: SandboxControl = {
      reset: unused,
      configure: unused,
      addFault: unused,
      clearFaults: unused,
      calls: () => ({}),
      resetCalls: unused,
      regions: () => ["us-east-1"],
      accounts: () => [],
      engines: async () => [],
      engineCa: async () => undefined,
    };
    const server = await listen({ env, control, latencyMs: () => latencyMs }, "127.0.0.1", 0);
    return { url: `http://127.0.0.1:${server.port}`, close: server.close };
  }

  async function timedCall(url: string): Promise<number> {
    const started = performance.now();
    const answer = await call(url, "ec2", "DescribeVpcs");
    expect(texts(answer.xml, "vpcId")).toHaveLength(3);
    return performance.now() - started;
  }

  it("a build shorter than the latency costs nothing extra", async () => {
    const server = await slowServer(100, 400);
    try {
      const ms = await timedCall(server.url);
      // Latency added after the build would make this at least 500 ms; the margin absorbs a busy machine.
      expect(ms).toBeGreaterThanOrEqual(399);
      expect(ms).toBeLessThan(480);
    } finally {
      await server.close();
    }
  });

  it("a build longer than the latency is answered as soon as it is built", async () => {
    const server = await slowServer(400, 100);
    try {
      const ms = await timedCall(server.url);
      expect(ms).toBeGreaterThanOrEqual(399);
      expect(ms).toBeLessThan(480);
    } finally {
      await server.close();
    }
  });
});
