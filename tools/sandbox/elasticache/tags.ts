/** AddTagsToResource and ListTagsForResource (ElastiCache tags live on ARNs). */
import { invalidValue, SandboxError } from "@/tools/sandbox/errors";
import { write, read, type OperationTable } from "@/tools/sandbox/model/operation";
import type { RegionState, Tag } from "@/tools/sandbox/model/state";
import { elasticacheArn } from "@/tools/sandbox/model/state";
import { required, str, structList, type FormNode } from "@/tools/sandbox/protocol/query-form";
import { leaf, list } from "@/tools/sandbox/protocol/xml";

const MAX_TAGS = 50;

export function parseTags(params: FormNode): Tag[] {
  return structList(params, "Tags").map((t) => {
    const key = str(t, "Key");
    if (!key) throw invalidValue("A tag key must not be empty.");
    return { key, value: str(t, "Value") ?? "" };
  });
}

/** Every taggable ARN of the region, so tagging an unknown resource fails as AWS does. */
function knownArns(region: RegionState): Set<string> {
  return new Set([
    ...region.replicationGroups.map((g) => elasticacheArn(region, "replicationgroup", g.id)),
    ...region.cacheClusters.map((c) => elasticacheArn(region, "cluster", c.id)),
    ...region.parameterGroups.map((g) => elasticacheArn(region, "parametergroup", g.name)),
    ...region.cacheSubnetGroups.map((g) => elasticacheArn(region, "subnetgroup", g.name)),
    ...region.serverlessCaches.map((s) => elasticacheArn(region, "serverlesscache", s.name)),
  ]);
}

function resolveArn(region: RegionState, arn: string): string {
  if (!/^arn:aws:elasticache:[a-z0-9-]+:\d{12}:[a-z]+:.+$/.test(arn))
    throw new SandboxError("InvalidARN", `The ARN ${arn} is not valid.`, 400);
  if (!knownArns(region).has(arn))
    throw new SandboxError("InvalidARN", `The resource ${arn} does not exist in ${region.region}.`, 400);
  return arn;
}

const tagListXml = (tags: Tag[]): string =>
  list("TagList", "Tag", tags, (t) => leaf("Key", t.key) + leaf("Value", t.value));

export const tagOps: OperationTable = {
  AddTagsToResource: write(({ region, params }) => {
    const arn = resolveArn(region, required(params, "ResourceName"));
    const tags = parseTags(params);
    if (tags.length === 0) throw invalidValue("At least one tag must be given.");
    // Work on a copy so a refused call (quota) leaves the stored tags untouched.
    const current = (region.tags[arn] ?? []).map((t) => ({ ...t }));
    for (const t of tags) {
      const existing = current.find((c) => c.key === t.key);
      if (existing) existing.value = t.value;
      else current.push(t);
    }
    if (current.length > MAX_TAGS)
      throw new SandboxError(
        "TagQuotaPerResourceExceeded",
        `A resource can have at most ${MAX_TAGS} tags.`,
        400,
      );
    region.tags[arn] = current;
    return tagListXml(current);
  }),

  ListTagsForResource: read(({ region, params }) =>
    tagListXml(region.tags[resolveArn(region, required(params, "ResourceName"))] ?? []),
  ),
};
