import { describe, expect, it } from "vitest";
import { AwsError, toAwsProblem, type CallSite } from "./errors";

const ec: CallSite = { service: "elasticache", operation: "DescribeCacheClusters", region: "us-east-1" };
const ec2: CallSite = { service: "ec2", operation: "AuthorizeSecurityGroupIngress", region: "eu-west-1" };

/** An error shaped like the SDK v3 throws it: `name` is the code, `$metadata` carries the status. */
function sdkError(
  name: string,
  message: string,
  status = 400,
  fault: "client" | "server" = "client",
  extra: object = {},
) {
  return Object.assign(new Error(message), {
    name,
    $fault: fault,
    $metadata: { httpStatusCode: status },
    ...extra,
  });
}
function nodeError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
}

describe("toAwsProblem", () => {
  const table: [string, unknown, CallSite, string, boolean][] = [
    [
      "AccessDenied (ElastiCache)",
      sdkError("AccessDenied", "User is not authorized"),
      ec,
      "access-denied",
      false,
    ],
    ["AccessDeniedException", sdkError("AccessDeniedException", "no"), ec, "access-denied", false],
    [
      "UnauthorizedOperation (EC2)",
      sdkError("UnauthorizedOperation", "You are not authorized. Encoded authorization failure message: abc"),
      ec2,
      "access-denied",
      false,
    ],
    ["...NotAuthorized...", sdkError("UserNotAuthorizedFault", "no"), ec, "access-denied", false],
    [
      "CredentialsProviderError",
      sdkError("CredentialsProviderError", "Could not load credentials from any providers"),
      ec,
      "no-credentials",
      false,
    ],
    [
      "Could not load credentials (plain Error)",
      new Error("Could not load credentials from any providers"),
      ec,
      "no-credentials",
      false,
    ],
    [
      "AuthFailure",
      sdkError("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
      ec2,
      "no-credentials",
      false,
    ],
    ["Throttling", sdkError("Throttling", "Rate exceeded"), ec, "throttled", true],
    ["ThrottlingException", sdkError("ThrottlingException", "Rate exceeded"), ec, "throttled", true],
    [
      "RequestLimitExceeded is throttling, not a quota",
      sdkError("RequestLimitExceeded", "Request limit exceeded."),
      ec2,
      "throttled",
      true,
    ],
    ["HTTP 429", sdkError("TooManyRequests", "slow down", 429), ec, "throttled", true],
    ["ENOTFOUND", nodeError("ENOTFOUND"), ec, "unknown-region", false],
    [
      "UnrecognizedClientException",
      sdkError("UnrecognizedClientException", "The security token is invalid"),
      ec,
      "unknown-region",
      false,
    ],
    [
      "CacheClusterNotFoundFault",
      sdkError("CacheClusterNotFoundFault", "CacheCluster not found: x", 404),
      ec,
      "not-found",
      false,
    ],
    [
      "ReplicationGroupNotFoundFault",
      sdkError("ReplicationGroupNotFoundFault", "ReplicationGroup not found", 404),
      ec,
      "not-found",
      false,
    ],
    [
      "CacheParameterGroupNotFound (wire Code)",
      { name: "Error", Code: "CacheParameterGroupNotFound", message: "x" },
      ec,
      "not-found",
      false,
    ],
    [
      "InvalidGroup.NotFound",
      sdkError("InvalidGroup.NotFound", "The security group 'sg-1' does not exist"),
      ec2,
      "not-found",
      false,
    ],
    [
      "InvalidVpcID.NotFound",
      sdkError("InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist"),
      ec2,
      "not-found",
      false,
    ],
    [
      "CacheParameterGroupAlreadyExistsFault",
      sdkError("CacheParameterGroupAlreadyExistsFault", "exists"),
      ec,
      "already-exists",
      false,
    ],
    [
      "InvalidGroup.Duplicate",
      sdkError("InvalidGroup.Duplicate", "The security group 'x' already exists"),
      ec2,
      "already-exists",
      false,
    ],
    [
      "InvalidPermission.Duplicate",
      sdkError("InvalidPermission.Duplicate", "the specified rule already exists"),
      ec2,
      "already-exists",
      false,
    ],
    [
      "InvalidReplicationGroupStateFault",
      sdkError("InvalidReplicationGroupStateFault", "Replication group must be in available state"),
      ec,
      "invalid-state",
      true,
    ],
    ["InvalidCacheClusterState", sdkError("InvalidCacheClusterState", "busy"), ec, "invalid-state", true],
    [
      "InvalidCacheParameterGroupStateFault",
      sdkError("InvalidCacheParameterGroupStateFault", "busy"),
      ec,
      "invalid-state",
      true,
    ],
    [
      "No modifications were requested",
      sdkError("InvalidParameterCombinationException", "No modifications were requested."),
      ec,
      "no-change",
      false,
    ],
    [
      "InvalidParameterCombination (family)",
      sdkError(
        "InvalidParameterCombinationException",
        "Expected a parameter group of family redis7 but found one of family redis6.x.",
      ),
      ec,
      "invalid-input",
      false,
    ],
    ["InvalidParameterValue", sdkError("InvalidParameterValue", "bad"), ec2, "invalid-input", false],
    [
      "RulesPerSecurityGroupLimitExceeded",
      sdkError("RulesPerSecurityGroupLimitExceeded", "too many"),
      ec2,
      "limit-exceeded",
      false,
    ],
    [
      "CacheParameterGroupQuotaExceeded",
      sdkError("CacheParameterGroupQuotaExceeded", "quota"),
      ec,
      "limit-exceeded",
      false,
    ],
    ["HTTP 500", sdkError("InternalFailure", "oops", 500, "server"), ec, "unavailable", true],
    ["HTTP 503 unknown name", sdkError("SomethingOdd", "oops", 503, "server"), ec, "unavailable", true],
    [
      "request timeout",
      Object.assign(new Error("a request has exceeded the configured 10000 ms requestTimeout"), {
        name: "TimeoutError",
        code: "ETIMEDOUT",
      }),
      ec,
      "unavailable",
      true,
    ],
    ["ECONNREFUSED", nodeError("ECONNREFUSED"), ec, "unavailable", true],
    [
      "ECONNREFUSED as a cause",
      Object.assign(new Error("fetch failed"), { cause: nodeError("ECONNREFUSED") }),
      ec,
      "unavailable",
      true,
    ],
    ["an unknown code", sdkError("WeirdFault", "strange"), ec, "unknown", false],
    ["not even an Error", "boom", ec, "unknown", false],
  ];

  it.each(table)("%s", (_label, err, site, code, retryable) => {
    const problem = toAwsProblem(err, site);
    expect(problem.code).toBe(code);
    expect(problem.retryable).toBe(retryable);
    expect(problem.operation).toBe(site.operation);
    expect(problem.region).toBe(site.region);
    expect(problem.message.length).toBeGreaterThan(10);
    expect(problem.message).not.toMatch(/\n\s+at /);
  });

  it("names the IAM action to grant, service-prefixed", () => {
    const problem = toAwsProblem(sdkError("AccessDenied", "no"), ec);
    expect(problem.iamAction).toBe("elasticache:DescribeCacheClusters");
    expect(problem.message).toBe(
      "QueueReady needs the IAM permission elasticache:DescribeCacheClusters in us-east-1. Ask your AWS admin to grant it.",
    );
    expect(toAwsProblem(sdkError("UnauthorizedOperation", "no"), ec2).iamAction).toBe(
      "ec2:AuthorizeSecurityGroupIngress",
    );
  });

  it("keeps AWS's message for invalid input, and the code as sent", () => {
    const problem = toAwsProblem(
      sdkError(
        "InvalidParameterCombinationException",
        "Expected a parameter group of family redis7 but found one of family redis6.x.",
      ),
      ec,
    );
    expect(problem.awsCode).toBe("InvalidParameterCombinationException");
    expect(problem.message).toBe(
      "AWS rejected the request (DescribeCacheClusters in us-east-1): Expected a parameter group of family redis7 but found one of family redis6.x.",
    );
  });

  it("prefers the wire Code over the shape name", () => {
    const err = sdkError("InvalidReplicationGroupStateFault", "busy", 400, "client", {
      Code: "InvalidReplicationGroupState",
    });
    expect(toAwsProblem(err, ec).awsCode).toBe("InvalidReplicationGroupState");
  });

  it("says how to provide credentials, and never echoes an access key or encoded blob", () => {
    expect(
      toAwsProblem(sdkError("CredentialsProviderError", "Could not load credentials"), ec).message,
    ).toMatch(/AWS_PROFILE.*sso login.*AWS_ACCESS_KEY_ID.*instance or task role/);
    const leaky = sdkError(
      "WeirdFault",
      "key AKIAABCDEFGHIJKLMNOP used. Encoded authorization failure message: SECRETBLOB",
    );
    const message = toAwsProblem(leaky, ec).message;
    expect(message).toBe(
      "AWS returned an unexpected error for DescribeCacheClusters in us-east-1 (WeirdFault): key [access key] used.",
    );
  });

  it("passes an AwsError's own problem through unchanged", () => {
    const problem = { code: "no-change" as const, message: "Nothing to change.", retryable: false };
    expect(toAwsProblem(new AwsError(problem), ec)).toBe(problem);
  });
});
