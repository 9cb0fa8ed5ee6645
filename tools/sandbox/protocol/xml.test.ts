import { describe, expect, it } from "vitest";
import { ec2Error, ec2Response } from "./ec2-wire";
import { elasticacheError, elasticacheResponse } from "./elasticache-wire";
import { escapeXml, leaf, list, node } from "./xml";

describe("xml writer", () => {
  it("escapes the five XML specials and drops undefined members", () => {
    expect(escapeXml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    expect(leaf("Port", 6379)).toBe("<Port>6379</Port>");
    expect(leaf("Missing", undefined)).toBe("");
    expect(node("Endpoint", leaf("Address", "h"))).toBe("<Endpoint><Address>h</Address></Endpoint>");
    expect(list("MemberClusters", "ClusterId", ["a", "b"], escapeXml)).toBe(
      "<MemberClusters><ClusterId>a</ClusterId><ClusterId>b</ClusterId></MemberClusters>",
    );
    expect(list("TagList", "Tag", [], () => "")).toBe("<TagList></TagList>");
  });

  it("escapes every occurrence, in one pass (no double escaping), and leaves plain text as it is", () => {
    expect(escapeXml("&&<<>>''\"\"&amp;")).toBe(
      "&amp;&amp;&lt;&lt;&gt;&gt;&apos;&apos;&quot;&quot;&amp;amp;",
    );
    expect(escapeXml("sg-0fltc1 10.30.0.0/16 volatile-lru")).toBe("sg-0fltc1 10.30.0.0/16 volatile-lru");
    expect(escapeXml("")).toBe("");
    // The test regex has no /g state: calling it twice in a row answers the same.
    expect([escapeXml("a&b"), escapeXml("a&b")]).toEqual(["a&amp;b", "a&amp;b"]);
  });
});

describe("envelopes", () => {
  it("wraps ElastiCache results in XResponse/XResult with ResponseMetadata", () => {
    const xml = elasticacheResponse("DescribeCacheClusters", "<CacheClusters></CacheClusters>", "rid-1");
    expect(xml).toContain(
      '<DescribeCacheClustersResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">',
    );
    expect(xml).toContain(
      "<DescribeCacheClustersResult><CacheClusters></CacheClusters></DescribeCacheClustersResult>",
    );
    expect(xml).toMatch(
      /<ResponseMetadata><RequestId>rid-1<\/RequestId><\/ResponseMetadata><\/DescribeCacheClustersResponse>$/,
    );
    expect(elasticacheResponse("DeleteCacheParameterGroup", undefined, "r")).not.toContain("Result>");
  });

  it("writes ElastiCache errors with Type, Code and Message", () => {
    const xml = elasticacheError("InvalidParameterValue", "bad <value>", "Sender", "rid-2");
    expect(xml).toContain(
      '<ErrorResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>bad &lt;value&gt;</Message></Error><RequestId>rid-2</RequestId></ErrorResponse>',
    );
  });

  it("writes EC2 answers without a Result wrapper and errors under Response/Errors", () => {
    expect(ec2Response("DescribeVpcs", "<vpcSet></vpcSet>", "rid-3")).toContain(
      '<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>rid-3</requestId><vpcSet></vpcSet></DescribeVpcsResponse>',
    );
    expect(ec2Error("InvalidGroup.NotFound", "nope", "rid-4")).toContain(
      "<Response><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>nope</Message></Error></Errors><RequestID>rid-4</RequestID></Response>",
    );
  });
});
