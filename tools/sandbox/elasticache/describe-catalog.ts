/**
 * DescribeCacheParameterGroups, DescribeCacheParameters, DescribeCacheEngineVersions,
 * DescribeCacheSubnetGroups and DescribeEvents.
 */
import { invalidValue, SandboxError } from "@/tools/sandbox/errors";
import { read, type OperationTable } from "@/tools/sandbox/model/operation";
import { elasticacheArn } from "@/tools/sandbox/model/state";
import { bool, int, str } from "@/tools/sandbox/protocol/query-form";
import { isoTime, leaf, list, node, stringList } from "@/tools/sandbox/protocol/xml";
import { DEFAULT_VERSIONS, FAMILIES } from "@/tools/sandbox/seed/parameter-catalogue";
import { pageByMarker } from "./paging";
import { effectiveParameters, findParameterGroup, parameterXml } from "./parameter-values";

const SOURCES = ["user", "system", "engine-default"];
const SOURCE_TYPES = [
  "cache-cluster",
  "cache-parameter-group",
  "cache-security-group",
  "cache-subnet-group",
  "replication-group",
  "serverless-cache",
  "serverless-cache-snapshot",
  "user",
  "user-group",
];

export const describeCatalogOps: OperationTable = {
  DescribeCacheParameterGroups: read(({ region, params }) => {
    const name = str(params, "CacheParameterGroupName");
    const groups = name ? [findParameterGroup(region, name)] : region.parameterGroups;
    const page = pageByMarker(groups, int(params, "MaxRecords"), str(params, "Marker"), `pg:${name ?? ""}`);
    return (
      leaf("Marker", page.next) +
      list(
        "CacheParameterGroups",
        "CacheParameterGroup",
        page.items,
        (g) =>
          leaf("CacheParameterGroupName", g.name) +
          leaf("CacheParameterGroupFamily", g.family) +
          leaf("Description", g.description) +
          leaf("IsGlobal", false) +
          leaf("ARN", elasticacheArn(region, "parametergroup", g.name)),
      )
    );
  }),

  DescribeCacheParameters: read(({ region, params }) => {
    const group = findParameterGroup(region, str(params, "CacheParameterGroupName") ?? "");
    const source = str(params, "Source");
    if (source !== undefined && !SOURCES.includes(source))
      throw invalidValue(`Invalid source: ${source}. Valid values: ${SOURCES.join(", ")}`);
    const rows = effectiveParameters(group).filter((p) => source === undefined || p.source === source);
    const page = pageByMarker(
      rows,
      int(params, "MaxRecords"),
      str(params, "Marker"),
      `params:${group.name}:${source ?? ""}`,
    );
    return (
      leaf("Marker", page.next) +
      list("Parameters", "Parameter", page.items, parameterXml) +
      list("CacheNodeTypeSpecificParameters", "CacheNodeTypeSpecificParameter", [], () => "")
    );
  }),

  DescribeCacheEngineVersions: read(({ params }) => {
    const engine = str(params, "Engine");
    const version = str(params, "EngineVersion");
    const family = str(params, "CacheParameterGroupFamily");
    const defaultOnly = bool(params, "DefaultOnly") ?? false;
    const rows = FAMILIES.flatMap((f) => f.versions.map((v) => ({ f, v })))
      .filter(
        ({ f, v }) =>
          (!engine || f.engine === engine) && (!version || v === version) && (!family || f.family === family),
      )
      .filter(({ f, v }) => !defaultOnly || DEFAULT_VERSIONS[f.engine] === v);
    const page = pageByMarker(
      rows,
      int(params, "MaxRecords"),
      str(params, "Marker"),
      `ev:${engine}:${version}:${family}:${defaultOnly}`,
    );
    return (
      leaf("Marker", page.next) +
      list(
        "CacheEngineVersions",
        "CacheEngineVersion",
        page.items,
        ({ f, v }) =>
          leaf("Engine", f.engine) +
          leaf("EngineVersion", v) +
          leaf("CacheParameterGroupFamily", f.family) +
          leaf(
            "CacheEngineDescription",
            f.engine === "memcached" ? "memcached" : f.engine === "redis" ? "Redis" : "Valkey",
          ) +
          leaf("CacheEngineVersionDescription", `${f.description} (${v})`),
      )
    );
  }),

  DescribeCacheSubnetGroups: read(({ region, params }) => {
    const name = str(params, "CacheSubnetGroupName")?.toLowerCase();
    const groups = name ? region.cacheSubnetGroups.filter((g) => g.name === name) : region.cacheSubnetGroups;
    if (name && groups.length === 0)
      throw new SandboxError("CacheSubnetGroupNotFoundFault", `Cache subnet group ${name} not found.`, 400);
    const page = pageByMarker(groups, int(params, "MaxRecords"), str(params, "Marker"), `sng:${name ?? ""}`);
    return (
      leaf("Marker", page.next) +
      list(
        "CacheSubnetGroups",
        "CacheSubnetGroup",
        page.items,
        (g) =>
          leaf("CacheSubnetGroupName", g.name) +
          leaf("CacheSubnetGroupDescription", g.description) +
          leaf("VpcId", g.vpcId) +
          list(
            "Subnets",
            "Subnet",
            g.subnetIds,
            (id) =>
              leaf("SubnetIdentifier", id) +
              node(
                "SubnetAvailabilityZone",
                leaf("Name", region.subnets.find((s) => s.id === id)?.availabilityZone),
              ) +
              stringList("SupportedNetworkTypes", "member", ["ipv4"]),
          ) +
          leaf("ARN", elasticacheArn(region, "subnetgroup", g.name)) +
          stringList("SupportedNetworkTypes", "member", ["ipv4"]),
      )
    );
  }),

  DescribeEvents: read(({ region, params, now }) => {
    const sourceId = str(params, "SourceIdentifier");
    const sourceType = str(params, "SourceType");
    if (sourceType && !SOURCE_TYPES.includes(sourceType))
      throw invalidValue(`Invalid SourceType: ${sourceType}`);
    const duration = int(params, "Duration");
    if (duration !== undefined && (duration < 0 || duration > 20160))
      throw invalidValue("Duration must be between 0 and 20160 minutes.");
    const start = parseTime(str(params, "StartTime"), "StartTime") ?? now - (duration ?? 60) * 60_000;
    const end = parseTime(str(params, "EndTime"), "EndTime") ?? now;
    const events = region.events.filter(
      (e) =>
        (!sourceId || e.sourceId === sourceId) &&
        (!sourceType || e.sourceType === sourceType) &&
        e.date >= start &&
        e.date <= end,
    );
    const page = pageByMarker(
      events,
      int(params, "MaxRecords"),
      str(params, "Marker"),
      `ev:${sourceId}:${sourceType}:${start}`,
    );
    return (
      leaf("Marker", page.next) +
      list(
        "Events",
        "Event",
        page.items,
        (e) =>
          leaf("SourceIdentifier", e.sourceId) +
          leaf("SourceType", e.sourceType) +
          leaf("Message", e.message) +
          leaf("Date", isoTime(e.date)),
      )
    );
  }),
};

function parseTime(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw invalidValue(`Invalid ${name}: ${text}`);
  return t;
}
