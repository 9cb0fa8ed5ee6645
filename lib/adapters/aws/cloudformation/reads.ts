/**
 * CloudFormation reads for ownership: every stack of the account-region that is not deleted, then each
 * stack's resources. Read once per account-region (not per cluster): a stack list is short, and
 * DescribeStackResources per physical id would cost one call per cluster and group.
 */
import {
  paginateListStackResources,
  paginateListStacks,
  type StackStatus,
} from "@aws-sdk/client-cloudformation";
import { chunk, collectPages } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { AwsError } from "@/lib/adapters/aws/errors";
import type { StackResource } from "@/lib/core/model/ownership";
import { reshapeStackResource } from "./reshape";

/** Every StackStatus but DELETE_COMPLETE: a deleted stack (listed for 90 days) owns nothing. */
const LIVE_STATUSES: StackStatus[] = [
  "CREATE_IN_PROGRESS",
  "CREATE_FAILED",
  "CREATE_COMPLETE",
  "ROLLBACK_IN_PROGRESS",
  "ROLLBACK_FAILED",
  "ROLLBACK_COMPLETE",
  "DELETE_IN_PROGRESS",
  "DELETE_FAILED",
  "UPDATE_IN_PROGRESS",
  "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
  "UPDATE_COMPLETE",
  "UPDATE_FAILED",
  "UPDATE_ROLLBACK_IN_PROGRESS",
  "UPDATE_ROLLBACK_FAILED",
  "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
  "UPDATE_ROLLBACK_COMPLETE",
  "REVIEW_IN_PROGRESS",
  "IMPORT_IN_PROGRESS",
  "IMPORT_COMPLETE",
  "IMPORT_ROLLBACK_IN_PROGRESS",
  "IMPORT_ROLLBACK_FAILED",
  "IMPORT_ROLLBACK_COMPLETE",
];

/** Stacks whose resources are read at once. */
const STACK_CONCURRENCY = 8;
const paging = { stopOnSameToken: true } as const;

/**
 * The resources of every live stack. A failure of any read fails the whole (a partial list would make owned
 * resources look unowned), except a stack deleted between the two reads, which simply owns nothing.
 */
export async function listStackResources(ctx: AwsContext): Promise<StackResource[]> {
  const stacks = await collectPages(
    ctx,
    "cloudformation",
    "ListStacks",
    ({ cloudformation }) =>
      paginateListStacks({ client: cloudformation, ...paging }, { StackStatusFilter: LIVE_STATUSES }),
    (p) => p.StackSummaries,
  );
  const out: StackResource[] = [];
  for (const batch of chunk(stacks, STACK_CONCURRENCY)) {
    const lists = await Promise.all(
      batch.map(async (stack) => {
        const name = stack.StackName ?? "";
        try {
          const summaries = await collectPages(
            ctx,
            "cloudformation",
            "ListStackResources",
            ({ cloudformation }) =>
              paginateListStackResources(
                { client: cloudformation, ...paging },
                { StackName: stack.StackId ?? name },
              ),
            (p) => p.StackResourceSummaries,
          );
          return summaries.flatMap((r) => reshapeStackResource(name, r) ?? []);
        } catch (err) {
          if (
            err instanceof AwsError &&
            err.problem.awsCode === "ValidationError" &&
            /does not exist/.test(err.message)
          )
            return [];
          throw err;
        }
      }),
    );
    out.push(...lists.flat());
  }
  return out;
}
