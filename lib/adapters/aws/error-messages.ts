/**
 * The table behind toAwsProblem: which AWS codes mean what, and the sentence a person reads.
 * Order matters: `RequestLimitExceeded` is throttling, not a quota; `...NotFound` beats `Invalid...`.
 */

import type { AwsProblem, AwsProblemCode } from "@/lib/core/model/resources";
import type { CallSite, ErrorFacts } from "./call-site";

type Rule = { code: AwsProblemCode; test: (f: ErrorFacts) => boolean; retryable?: boolean };

const is =
  (...codes: string[]) =>
  (f: ErrorFacts) =>
    codes.includes(f.code);
const matches = (pattern: RegExp) => (f: ErrorFacts) => pattern.test(f.code);

const RULES: Rule[] = [
  {
    code: "no-credentials",
    test: (f) => f.code === "CredentialsProviderError" || /Could not load credentials/i.test(f.message),
  },
  {
    code: "access-denied",
    test: (f) =>
      is("AccessDenied", "AccessDeniedException", "UnauthorizedOperation")(f) || /NotAuthorized/.test(f.code),
  },
  {
    code: "no-credentials",
    test: is(
      "AuthFailure",
      "InvalidClientTokenId",
      "SignatureDoesNotMatch",
      "ExpiredToken",
      "ExpiredTokenException",
      "RequestExpired",
    ),
  },
  {
    code: "throttled",
    retryable: true,
    test: (f) =>
      is(
        "Throttling",
        "ThrottlingException",
        "RequestLimitExceeded",
        "TooManyRequests",
        "TooManyRequestsException",
      )(f) || f.status === 429,
  },
  {
    code: "unknown-region",
    test: (f) =>
      is("ENOTFOUND", "UnrecognizedClient", "UnrecognizedClientException", "OptInRequired")(f) ||
      /invalid region|region is missing/i.test(f.message),
  },
  { code: "not-found", test: matches(/NotFound/) },
  { code: "already-exists", test: (f) => /AlreadyExists|\.Duplicate$/.test(f.code) },
  { code: "invalid-state", retryable: true, test: matches(/^Invalid[A-Za-z]*State(Fault|Exception)?$/) },
  // A security group still attached to a cache (or referenced by a rule): not retryable, it waits on a person.
  { code: "invalid-state", test: (f) => f.code === "DependencyViolation" },
  {
    code: "no-change",
    test: (f) =>
      /^InvalidParameterCombination/.test(f.code) && /No modifications were requested/i.test(f.message),
  },
  // MemoryDB says "nothing to change" with its own fault rather than ElastiCache's sentence.
  { code: "no-change", test: is("NoOperationFault") },
  {
    code: "invalid-input",
    test: (f) => /^(InvalidParameter|MissingParameter|ValidationError)|Malformed/.test(f.code),
  },
  { code: "limit-exceeded", test: matches(/LimitExceeded|Quota[A-Za-z]*Exceeded/) },
  {
    code: "unavailable",
    retryable: true,
    test: (f) =>
      f.serverFault ||
      is(
        "TimeoutError",
        "RequestTimeout",
        "RequestTimeoutException",
        "ServiceUnavailable",
        "InternalError",
        "InternalFailure",
      )(f) ||
      is("ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ECONNABORTED")(f),
  },
];

/** The problem for one failed call, from the facts toAwsProblem read off the error. */
export function problemFor(f: ErrorFacts, site: CallSite): AwsProblem {
  const rule = RULES.find((r) => r.test(f));
  const code: AwsProblemCode = rule?.code ?? "unknown";
  const iamAction = code === "access-denied" ? `${site.service}:${site.operation}` : undefined;
  return {
    code,
    message: messageFor(code, f, site, iamAction),
    awsCode: f.code || undefined,
    operation: site.operation,
    iamAction,
    region: site.region,
    retryable: rule?.retryable ?? false,
  };
}

function messageFor(code: AwsProblemCode, f: ErrorFacts, site: CallSite, iamAction?: string): string {
  const where = `${site.operation} in ${site.region}`;
  const aws = cleanAwsMessage(f.message);
  switch (code) {
    case "access-denied":
      return `QueueReady needs the IAM permission ${iamAction} in ${site.region}. Ask your AWS admin to grant it.`;
    case "no-credentials":
      return f.code === "CredentialsProviderError" || /Could not load credentials/i.test(f.message)
        ? "QueueReady found no AWS credentials. Set AWS_PROFILE (and run `aws sso login` for SSO), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run it with an instance or task role."
        : `AWS rejected the credentials QueueReady used (${f.code}). Refresh them (for SSO: \`aws sso login\`) and try again.`;
    case "throttled":
      return `AWS is throttling requests (${where}) even after retries. Wait a minute and try again.`;
    case "unknown-region":
      return `QueueReady could not reach ElastiCache/EC2 in region ${site.region}: the region does not exist or is not enabled for this account. Check the region list.`;
    case "not-found":
      return `AWS could not find it (${where}): ${aws || f.code}.`;
    case "already-exists":
      return `It already exists (${where}): ${aws || f.code}.`;
    case "invalid-state":
      if (f.code === "DependencyViolation")
        return `AWS refused ${site.operation}: something still uses it (${aws || f.code}). Detach it from every cluster first.`;
      return `AWS refused ${site.operation} because the resource is busy (${aws || f.code}). Wait until it is available, then retry.`;
    case "no-change":
      return `Nothing to change: AWS reports the resource already has these settings (${where}).`;
    case "invalid-input":
      return `AWS rejected the request (${where}): ${aws || f.code}.`;
    case "limit-exceeded":
      return `An AWS limit was reached (${where}): ${aws || f.code}. Remove unused resources or ask for a higher quota.`;
    case "unavailable":
      return `AWS did not answer ${where} (${f.code || (f.status ? `HTTP ${f.status}` : "no answer")}). It is usually temporary: try again shortly.`;
    default:
      return `AWS returned an unexpected error for ${where}${f.code ? ` (${f.code})` : ""}${aws ? `: ${aws}` : ""}.`;
  }
}

/** AWS messages are shown to people: drop encoded blobs and access key ids, keep them short. */
function cleanAwsMessage(message: string): string {
  const text = message
    .replace(/Encoded authorization failure message:.*$/is, "")
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, "[access key]")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\.$/, "");
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
