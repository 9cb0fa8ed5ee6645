/**
 * The ElastiCache (awsQuery) and EC2 (ec2Query) protocols with QueueReady's XML reader in place of the
 * SDK's (xml-parse.ts says why). Everything else, request serialization, the schema-driven read of the
 * parsed tree, error mapping, is the SDK's own: the clients take these through their `protocol` option.
 */
import { AwsEc2QueryProtocol, AwsQueryProtocol, XmlShapeDeserializer } from "@aws-sdk/core/protocols";
import { parseAwsXml } from "./xml-parse";

/** The SDK deserializer with its XML reader replaced (exported for the comparison tests). */
export class QuickXmlDeserializer extends XmlShapeDeserializer {
  protected override parseXml(xml: string): unknown {
    try {
      return parseAwsXml(xml);
    } catch {
      // XML this reader rejects gets the SDK's reader, so a malformed answer fails exactly as it did.
      return super.parseXml(xml);
    }
  }
}

type QueryOptions = ConstructorParameters<typeof AwsQueryProtocol>[0];

export class ElastiCacheQueryProtocol extends AwsQueryProtocol {
  constructor(options: QueryOptions) {
    super(options);
    this.deserializer = new QuickXmlDeserializer(this.deserializer.settings);
  }
}

export class Ec2QueryProtocol extends AwsEc2QueryProtocol {
  constructor(options: QueryOptions) {
    super(options);
    this.deserializer = new QuickXmlDeserializer(this.deserializer.settings);
  }
}
