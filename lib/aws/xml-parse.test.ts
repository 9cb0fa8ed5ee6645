import { XmlShapeDeserializer } from "@aws-sdk/core/protocols";
import { describe, expect, it } from "vitest";
import { QuickXmlDeserializer } from "./query-protocol";
import { parseAwsXml } from "./xml-parse";

/** The SDK's own answer for the same text: what the ElastiCache and EC2 clients read without us. */
// The settings AwsQueryProtocol gives its deserializer (only the reader is under test).
const SETTINGS = {
  timestampFormat: { useTrait: true, default: 5 as const },
  httpBindings: false,
  xmlNamespace: "http://elasticache.amazonaws.com/doc/2015-02-02/",
  serviceNamespace: "com.amazonaws.elasticache",
};

class SdkReader extends XmlShapeDeserializer {
  parseText(xml: string): unknown {
    return this.parseXml(xml);
  }
}
/** What the clients read now: parseAwsXml, or the SDK's reader for what parseAwsXml refuses. */
class QuickReader extends QuickXmlDeserializer {
  parseText(xml: string): unknown {
    return this.parseXml(xml);
  }
}
const sdk = new SdkReader(SETTINGS);
const quick = new QuickReader(SETTINGS);

/** Both readers' outcome, errors included (only whether they threw: the messages are each reader's own). */
function outcome(read: (xml: string) => unknown, xml: string): unknown {
  try {
    return { value: read(xml) };
  } catch {
    return "threw";
  }
}

const CASES: Record<string, string> = {
  "an awsQuery answer with a list and a marker": `<?xml version="1.0" encoding="UTF-8"?>
<DescribeCacheParametersResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">
  <DescribeCacheParametersResult>
    <Marker>abc</Marker>
    <Parameters>
      <Parameter><ParameterName>maxmemory-policy</ParameterName><ParameterValue>noeviction</ParameterValue></Parameter>
      <Parameter><ParameterName>timeout</ParameterName><ParameterValue></ParameterValue></Parameter>
    </Parameters>
  </DescribeCacheParametersResult>
  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
</DescribeCacheParametersResponse>`,
  "one member is not a list": "<R><Items><member><Id>a</Id></member></Items></R>",
  entities: "<R><A>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42; &nbsp; &bogus;</A></R>",
  "attributes, quoted and with entities": `<R><A x="1" y='two &amp; three'/><B z="q">text</B><C k="v"><D>d</D></C></R>`,
  "text beside children": "<R>lead<A>a</A>tail<B/>more</R>",
  "root text only": "<Root>just text</Root>",
  "empty root": "<Root/>",
  "CDATA, comments, instructions": "<R><!-- c --><A><![CDATA[<x> & y]]></A><?pi x?><B><![CDATA[]]></B></R>",
  "whitespace: indentation vs content": "<R><A>   </A><B>\n   </B><C> x </C><D>\r\n</D></R>",
  "CRLF line ends": "<R>\r\n<A>line1\r\nline2\rline3</A>\r\n</R>",
  "repeated children become arrays": "<R><A>1</A><A>2</A><B>x</B><A>3</A></R>",
  "an element with text and an attribute folds to its text": `<R><A unit="ms">40</A><A unit="s">2</A></R>`,
  "names that are Object properties":
    "<R><__proto__>p</__proto__><constructor>c</constructor><toString>t</toString></R>",
  "a root named like an Object property": "<constructor><A>a</A>text</constructor>",
  "an attribute named like an Object property": `<R><A __proto__="x" b="y"><C/></A></R>`,
  "a DOCTYPE and spaces in the closing tag": "<!DOCTYPE r [<!ENTITY x 'y'>]><R><A>a</A ></R>",
  "the EC2 shape": `<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>x</requestId><vpcSet><item><vpcId>vpc-1</vpcId><cidrBlockSet><item><cidrBlock>10.0.0.0/16</cidrBlock></item></cidrBlockSet></item></vpcSet></DescribeVpcsResponse>`,
  "an awsQuery error": `<ErrorResponse><Error><Type>Sender</Type><Code>CacheClusterNotFound</Code><Message>x &quot;y&quot;</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
  "empty input": "",
  // Malformed: both must refuse.
  "mismatched tags": "<R><A>x</B></R>",
  "unclosed element": "<R><A>x</A>",
  "no root": "   ",
  "text before the root": "hello <R/>",
  "self-closing without >": "<R><A/ ></R>",
};

describe("parseAwsXml", () => {
  it.each(Object.entries(CASES))("reads %s exactly as the SDK does", (_, xml) => {
    expect(outcome((x) => quick.parseText(x), xml)).toEqual(outcome((x) => sdk.parseText(x), xml));
  });

  it("leaves names like __proto__ and constructor to the SDK's reader", () => {
    expect(() => parseAwsXml(CASES["a root named like an Object property"]!)).toThrow(/constructor/);
    expect(() => parseAwsXml(CASES["an attribute named like an Object property"]!)).toThrow(/__proto__/);
    expect(() => parseAwsXml(CASES["names that are Object properties"]!)).toThrow(/__proto__/);
  });

  it("gives the values the protocol reads (a spot check that the comparison is not vacuous)", () => {
    const value = parseAwsXml(CASES["an awsQuery answer with a list and a marker"]!) as {
      DescribeCacheParametersResult: {
        Marker: string;
        Parameters: { Parameter: { ParameterName: string }[] };
      };
    };
    expect(value.DescribeCacheParametersResult.Marker).toBe("abc");
    expect(value.DescribeCacheParametersResult.Parameters.Parameter.map((p) => p.ParameterName)).toEqual([
      "maxmemory-policy",
      "timeout",
    ]);
    expect(parseAwsXml(CASES.entities!)).toEqual({ A: `a & b <c> "d" 'e' AB  ` });
    expect(() => parseAwsXml(CASES["mismatched tags"]!)).toThrow(/mismatched/);
  });
});
