import { Notice } from "@/components/ui/notice";
import type { AwsProblem } from "@/lib/core/model/resources";

const TITLES: Partial<Record<AwsProblem["code"], string>> = {
  "access-denied": "Missing AWS permission",
  "no-credentials": "No AWS credentials",
  throttled: "AWS is throttling requests",
  "unknown-region": "Unknown region",
  unavailable: "AWS did not answer",
};

/**
 * A failed AWS read, in the problem's own words (lib/adapters/aws writes them for a person). `what` says which
 * part of the page is missing because of it. Never a stack trace. `announce`: role="alert" even for a
 * retryable problem, where the page cannot go on without the read.
 */
export function AwsProblemNotice({
  what,
  problem,
  announce,
}: {
  what: string;
  problem: AwsProblem;
  announce?: boolean;
}) {
  return (
    <Notice
      announce={announce}
      tone={problem.retryable ? "warning" : "error"}
      title={`${TITLES[problem.code] ?? "AWS read failed"}: ${what}`}
    >
      <p>{problem.message}</p>
      {problem.iamAction || problem.awsCode ? (
        <p className="mt-1 text-xs opacity-80">
          {problem.iamAction ? (
            <>
              IAM action <code className="font-mono">{problem.iamAction}</code>
            </>
          ) : null}
          {problem.iamAction && problem.awsCode ? " · " : null}
          {problem.awsCode ? (
            <>
              AWS code <code className="font-mono">{problem.awsCode}</code>
            </>
          ) : null}
        </p>
      ) : null}
    </Notice>
  );
}
