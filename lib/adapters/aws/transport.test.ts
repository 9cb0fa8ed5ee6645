/**
 * The real SDK clients against a scripted HTTP responder: proves what the unit tables assume about the
 * wire (error names after deserialization, retries counted per request, DryRun answers), with no sandbox.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsError } from "./errors";
import { createAwsContext, type RequestListener } from "./context";
import { listCacheClusters } from "./elasticache/reads";
import { checkEc2Permission } from "./ec2/permission";
import type { AwsSettings } from "./settings";

type Reply = { status: number; body: string };
let script: ((action: string, body: URLSearchParams) => Reply)[] = [];
let server: http.Server;
let settings: AwsSettings;

const ecError = (code: string, message: string, status: number): Reply => ({
  status,
  body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
});
const ec2Error = (code: string, status: number): Reply => ({
  status,
  body: `<Response><Errors><Error><Code>${code}</Code><Message>${code} message</Message></Error></Errors><RequestID>r</RequestID></Response>`,
});
const clustersPage = (ids: string[], marker?: string): Reply => ({
  status: 200,
  body:
    `<DescribeCacheClustersResponse><DescribeCacheClustersResult>${marker ? `<Marker>${marker}</Marker>` : ""}<CacheClusters>` +
    ids
      .map(
        (id) =>
          `<CacheCluster><CacheClusterId>${id}</CacheClusterId><Engine>redis</Engine><EngineVersion>7.1.0</EngineVersion></CacheCluster>`,
      )
      .join("") +
    `</CacheClusters></DescribeCacheClustersResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeCacheClustersResponse>`,
});

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      const body = new URLSearchParams(data);
      const next = script.shift();
      const reply = next ? next(body.get("Action") ?? "", body) : { status: 400, body: "" };
      res.writeHead(reply.status, { "content-type": "text/xml" }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  settings = {
    endpoint: `http://127.0.0.1:${port}`,
    regions: ["us-east-1"],
    defaultRegion: "us-east-1",
    maxAttempts: 3,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "secret" },
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function counted() {
  const calls: string[] = [];
  const onRequest: RequestListener = (e) => calls.push(`${e.service}:${e.operation}`);
  return { ctx: createAwsContext(settings, "us-east-1", { onRequest }), calls };
}

describe("lib/adapters/aws over the wire", () => {
  it("follows Marker across pages and counts every request, retries of a 500 included", async () => {
    const { ctx, calls } = counted();
    const markers: (string | null)[] = [];
    script = [
      (_a, b) => (markers.push(b.get("Marker")), clustersPage(["a-001", "a-002"], "m1")),
      () => ecError("InternalFailure", "oops", 500),
      (_a, b) => (markers.push(b.get("Marker")), clustersPage(["b-001"])),
    ];
    const clusters = await listCacheClusters(ctx);
    expect(clusters.map((c) => c.id)).toEqual(["a-001", "a-002", "b-001"]);
    expect(markers).toEqual([null, "m1"]);
    expect(calls).toEqual(Array(3).fill("elasticache:DescribeCacheClusters"));
  });

  it("maps an awsQuery error by its code, keeping the code as sent", async () => {
    const { ctx } = counted();
    script = [
      (action, b) => (
        expect([action, b.get("CacheClusterId"), b.get("ShowCacheNodeInfo")]).toEqual([
          "DescribeCacheClusters",
          "nope",
          "true",
        ]),
        ecError("CacheClusterNotFound", "CacheCluster not found: nope", 404)
      ),
    ];
    const err = await listCacheClusters(ctx, { id: "nope" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).problem).toMatchObject({
      code: "not-found",
      awsCode: "CacheClusterNotFound",
      operation: "DescribeCacheClusters",
      region: "us-east-1",
    });
    expect((err as AwsError).message).toBe(
      "AWS could not find it (DescribeCacheClusters in us-east-1): CacheCluster not found: nope.",
    );
  });

  it("reads EC2 DryRun answers: DryRunOperation allowed, UnauthorizedOperation denied with the IAM action", async () => {
    const { ctx } = counted();
    script = [
      (action, b) => (
        expect([action, b.get("DryRun"), b.get("ResourceId.1")]).toEqual(["CreateTags", "true", "sg-1"]),
        ec2Error("DryRunOperation", 412)
      ),
      () => ec2Error("UnauthorizedOperation", 403),
    ];
    expect(await checkEc2Permission(ctx, { operation: "CreateTags", resourceIds: ["sg-1"] })).toEqual({
      allowed: true,
    });
    const denied = await checkEc2Permission(ctx, {
      operation: "RevokeSecurityGroupIngress",
      groupId: "sg-1",
      ruleIds: ["sgr-1"],
    });
    expect(denied).toMatchObject({
      allowed: false,
      problem: { code: "access-denied", iamAction: "ec2:RevokeSecurityGroupIngress" },
    });
  });

  it("turns a refused connection into a retryable 'unavailable'", async () => {
    const closed = { ...settings, endpoint: "http://127.0.0.1:1", maxAttempts: 1 };
    const err = await listCacheClusters(createAwsContext(closed, "us-east-1")).catch((e: unknown) => e);
    expect((err as AwsError).problem).toMatchObject({
      code: "unavailable",
      awsCode: "ECONNREFUSED",
      retryable: true,
    });
  });
});
