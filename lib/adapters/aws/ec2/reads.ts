/**
 * EC2 reads for the network side of a cluster. Lookups by id go through filters, so an id that does not
 * exist is simply absent from the answer (callers compare), and are batched because EC2 caps the values
 * of one filter at 200.
 */

import {
  paginateDescribeSecurityGroupRules,
  paginateDescribeSecurityGroups,
  paginateDescribeVpcs,
  type Filter,
} from "@aws-sdk/client-ec2";
import { chunk, collectPages } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { reshapeSecurityGroup, reshapeSecurityGroupRule, reshapeVpc } from "./reshape";
import type { IngressRule, SecurityGroup, Vpc } from "@/lib/core/model/resources";

const MAX_RESULTS = 1000;
const FILTER_VALUES_PER_REQUEST = 200;
const paging = { stopOnSameToken: true } as const;

/**
 * Runs `read` once without filters when `values` is undefined, else once per batch of values
 * (concurrently), and concatenates. An empty `values` list reads nothing.
 */
async function inBatches<T>(
  filterName: string,
  values: readonly string[] | undefined,
  read: (filters: Filter[] | undefined) => Promise<T[]>,
): Promise<T[]> {
  if (values === undefined) return read(undefined);
  const unique = [...new Set(values)];
  const batches = chunk(unique, FILTER_VALUES_PER_REQUEST);
  const results = await Promise.all(batches.map((batch) => read([{ Name: filterName, Values: batch }])));
  return results.flat();
}

export async function listVpcs(ctx: AwsContext, opts?: { ids?: string[] }): Promise<Vpc[]> {
  const raw = await inBatches("vpc-id", opts?.ids, (Filters) =>
    collectPages(
      ctx,
      "ec2",
      "DescribeVpcs",
      ({ ec2 }) => paginateDescribeVpcs({ client: ec2, ...paging }, { Filters, MaxResults: MAX_RESULTS }),
      (p) => p.Vpcs,
    ),
  );
  return raw.map(reshapeVpc);
}

/** Security groups with their inbound rules flattened (one IngressRule per source). */
export async function listSecurityGroups(
  ctx: AwsContext,
  opts?: { ids?: string[]; vpcId?: string },
): Promise<SecurityGroup[]> {
  const vpcFilter: Filter[] = opts?.vpcId ? [{ Name: "vpc-id", Values: [opts.vpcId] }] : [];
  const raw = await inBatches("group-id", opts?.ids, (idFilter) => {
    const filters = [...(idFilter ?? []), ...vpcFilter];
    const input = { Filters: filters.length > 0 ? filters : undefined, MaxResults: MAX_RESULTS };
    return collectPages(
      ctx,
      "ec2",
      "DescribeSecurityGroups",
      ({ ec2 }) => paginateDescribeSecurityGroups({ client: ec2, ...paging }, input),
      (p) => p.SecurityGroups,
    );
  });
  return raw.map(reshapeSecurityGroup);
}

/** Inbound rules with their `sgr-` ids, the best pre-check before authorizing or revoking. */
export async function listSecurityGroupRules(
  ctx: AwsContext,
  groupIds: string[],
): Promise<(IngressRule & { groupId: string; ruleId: string })[]> {
  const raw = await inBatches("group-id", groupIds, (Filters) =>
    collectPages(
      ctx,
      "ec2",
      "DescribeSecurityGroupRules",
      ({ ec2 }) =>
        paginateDescribeSecurityGroupRules({ client: ec2, ...paging }, { Filters, MaxResults: MAX_RESULTS }),
      (p) => p.SecurityGroupRules,
    ),
  );
  return raw.filter((r) => r.IsEgress !== true).flatMap((r) => reshapeSecurityGroupRule(r) ?? []);
}
