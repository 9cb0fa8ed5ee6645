import {
  DescribeCacheClustersCommand,
  DescribeCacheParametersCommand,
  DescribeReplicationGroupsCommand,
  ElastiCacheClient,
} from "@aws-sdk/client-elasticache";
import { DescribeSecurityGroupsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { XmlShapeDeserializer } from "@aws-sdk/core/protocols";
import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "@/lib/testing/int-harness";
import { call, texts } from "@/lib/sandbox/testing/wire-client";
import { Ec2QueryProtocol, ElastiCacheQueryProtocol, QuickXmlDeserializer } from "./query-protocol";

const fleet = sandboxPerFile({ seed: { clusters: 250, regions: ["us-east-1"], seed: 5 } });

// The settings AwsQueryProtocol gives its deserializer (only the reader is under test).
const SETTINGS = {
  timestampFormat: { useTrait: true, default: 5 as const },
  httpBindings: false,
  xmlNamespace: "http://elasticache.amazonaws.com/doc/2015-02-02/",
  serviceNamespace: "com.amazonaws.elasticache",
};

class SdkReader extends XmlShapeDeserializer {
  parseText = (xml: string): unknown => this.parseXml(xml);
}
class QuickReader extends QuickXmlDeserializer {
  parseText = (xml: string): unknown => this.parseXml(xml);
}

async function customGroup(): Promise<string> {
  const { xml } = await call(fleet.sandbox.url, "elasticache", "DescribeCacheParameterGroups");
  const name = texts(xml, "CacheParameterGroupName").find((n) => !n.startsWith("default."));
  if (!name) throw new Error("the fleet has no custom parameter group");
  return name;
}

describe("the clients' XML reader against every answer the audit reads", () => {
  it("reads each answer (pages, parameters, EC2 sets, errors) exactly as the SDK does", async () => {
    const url = fleet.sandbox.url;
    const group = await customGroup();
    const answers = [
      await call(url, "elasticache", "DescribeCacheClusters", { ShowCacheNodeInfo: true, MaxRecords: 100 }),
      await call(url, "elasticache", "DescribeReplicationGroups", { MaxRecords: 100 }),
      await call(url, "elasticache", "DescribeServerlessCaches"),
      await call(url, "elasticache", "DescribeCacheParameterGroups"),
      await call(url, "elasticache", "DescribeCacheParameters", { CacheParameterGroupName: group }),
      await call(url, "elasticache", "DescribeCacheSubnetGroups"),
      await call(url, "elasticache", "DescribeCacheEngineVersions"),
      await call(url, "elasticache", "DescribeCacheClusters", { CacheClusterId: "no-such-cluster" }),
      await call(url, "ec2", "DescribeVpcs"),
      await call(url, "ec2", "DescribeSecurityGroups"),
      await call(url, "ec2", "DescribeSubnets"),
      await call(url, "ec2", "DescribeVpcs", { "VpcId.1": "vpc-0nosuchvpc0000000" }),
    ];
    expect(answers.filter((a) => a.status >= 400)).toHaveLength(2);
    const sdk = new SdkReader(SETTINGS);
    const quick = new QuickReader(SETTINGS);
    for (const { xml } of answers) {
      expect(xml.length).toBeGreaterThan(100);
      expect(quick.parseText(xml)).toEqual(sdk.parseText(xml));
    }
  });

  it("gives the same command output and the same errors through the client as the SDK's protocol", async () => {
    const config = {
      region: "us-east-1",
      endpoint: fleet.sandbox.url,
      credentials: fleet.settings.credentials as { accessKeyId: string; secretAccessKey: string },
    };
    const plain = { ec: new ElastiCacheClient(config), ec2: new EC2Client(config) };
    const ours = {
      ec: new ElastiCacheClient({ ...config, protocol: ElastiCacheQueryProtocol }),
      ec2: new EC2Client({ ...config, protocol: Ec2QueryProtocol }),
    };
    const group = await customGroup();
    // The request ids differ; everything else must not.
    const strip = (out: object) => Object.fromEntries(Object.entries(out).filter(([k]) => k !== "$metadata"));
    const pairs = [
      (c: typeof plain) => c.ec.send(new DescribeCacheClustersCommand({ ShowCacheNodeInfo: true })),
      (c: typeof plain) => c.ec.send(new DescribeReplicationGroupsCommand({})),
      (c: typeof plain) => c.ec.send(new DescribeCacheParametersCommand({ CacheParameterGroupName: group })),
      (c: typeof plain) => c.ec2.send(new DescribeSecurityGroupsCommand({})),
      (c: typeof plain) => c.ec2.send(new DescribeVpcsCommand({})),
    ];
    for (const send of pairs) {
      const [a, b] = await Promise.all([send(plain), send(ours)]);
      expect(strip(b)).toEqual(strip(a));
      expect(Object.keys(strip(b)).length).toBeGreaterThan(0);
    }
    const clusters = await ours.ec.send(new DescribeCacheClustersCommand({ ShowCacheNodeInfo: true }));
    expect(clusters.CacheClusters?.[0]?.CacheNodes?.[0]?.Endpoint?.Port).toBeGreaterThan(0);
    expect(clusters.CacheClusters?.[0]?.CacheClusterCreateTime).toBeInstanceOf(Date);

    const missing = new DescribeCacheClustersCommand({ CacheClusterId: "no-such-cluster" });
    const refused = (p: Promise<unknown>) =>
      p.then(
        () => new Error("no error"),
        (e: Error) => e,
      );
    const [e1, e2] = await Promise.all([refused(plain.ec.send(missing)), refused(ours.ec.send(missing))]);
    expect(e1).toBeInstanceOf(Error);
    expect([e2.name, e2.message, e2.constructor]).toEqual([e1.name, e1.message, e1.constructor]);
    expect(e2.name).toBe("CacheClusterNotFoundFault");
  });
});
