/**
 * The facts of a failed call that the error mapping (errors.ts) and the messages (error-messages.ts) share.
 * They live apart from both so that neither imports the other back.
 */

export type AwsService =
  "elasticache" | "ec2" | "sts" | "organizations" | "cloudformation" | "memorydb" | "cloudwatch";

/** Where a failed call was made: the operation is the API name, e.g. `DescribeCacheClusters`. */
export interface CallSite {
  operation: string;
  service: AwsService;
  region: string;
}

/** What toAwsProblem reads from an unknown thrown value; every field may be missing. */
export interface ErrorFacts {
  /** The AWS code (`name` for SDK v3 service errors, else `Code`), or a Node errno like `ECONNREFUSED`. */
  code: string;
  message: string;
  status?: number;
  serverFault: boolean;
}
