/**
 * Turns `IpPermissions.N.*` (and the legacy top-level CidrIp/IpProtocol/FromPort/ToPort form) into
 * one candidate rule per source, canonicalised as EC2 stores it: lowercase protocol names, CIDRs
 * masked to their prefix (`10.0.5.7/16` -> `10.0.0.0/16`).
 */
import { parseCidr } from "@/lib/core/net/cidr";
import { invalidValue, SandboxError } from "@/tools/sandbox/errors";
import type { RegionState, SecurityGroupRuleState } from "@/tools/sandbox/model/state";
import { int, str, structList, type FormNode } from "@/tools/sandbox/protocol/query-form";

export type RuleCandidate = Omit<SecurityGroupRuleState, "id" | "groupId" | "isEgress">;

const PROTOCOLS: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" };

function protocolOf(raw: string | undefined): string {
  if (!raw)
    throw new SandboxError("MissingParameter", "The request must contain the parameter ipProtocol", 400);
  const p = raw.toLowerCase();
  const named = PROTOCOLS[p] ?? p;
  if (["tcp", "udp", "icmp", "icmpv6", "-1"].includes(named) || /^\d{1,3}$/.test(named)) return named;
  throw invalidValue(`Invalid value '${raw}' for IP protocol. Unknown protocol.`);
}

function ports(protocol: string, from: number | undefined, to: number | undefined): [number, number] {
  if (protocol === "-1") return [-1, -1];
  if (protocol === "tcp" || protocol === "udp") {
    if (from === undefined || to === undefined)
      throw invalidValue(`Invalid value for portRange. Must specify both from and to ports with TCP/UDP.`);
    if (from < 0 || to > 65535 || from > to)
      throw invalidValue(`Invalid port range ${from}-${to}: ports are 0..65535 and from <= to.`);
  }
  return [from ?? -1, to ?? -1];
}

function description(node: FormNode): string | undefined {
  const d = str(node, "Description");
  if (d === undefined) return undefined;
  if (d.length > 255 || !/^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/.test(d)) {
    throw invalidValue(
      `Invalid rule description. Valid descriptions are strings less than 256 characters from the following set: a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*`,
    );
  }
  return d;
}

function cidr(raw: string | undefined, version: 4 | 6, param: string): string {
  const parsed = parseCidr(raw ?? "");
  if (!parsed.ok || parsed.version !== version) {
    throw invalidValue(
      `Value (${raw ?? ""}) for parameter ${param} is invalid. This is not a valid CIDR block.`,
    );
  }
  return parsed.canonical;
}

function fromPermission(region: RegionState, p: FormNode, vpcId: string): RuleCandidate[] {
  const ipProtocol = protocolOf(str(p, "IpProtocol"));
  const [fromPort, toPort] = ports(ipProtocol, int(p, "FromPort"), int(p, "ToPort"));
  const base = { ipProtocol, fromPort, toPort };
  const out: RuleCandidate[] = [
    ...structList(p, "IpRanges").map((r) => ({
      ...base,
      cidrIpv4: cidr(str(r, "CidrIp"), 4, "cidrIp"),
      description: description(r),
    })),
    ...structList(p, "Ipv6Ranges").map((r) => ({
      ...base,
      cidrIpv6: cidr(str(r, "CidrIpv6"), 6, "cidrIpv6"),
      description: description(r),
    })),
    ...structList(p, "PrefixListIds").map((r) => {
      const id = str(r, "PrefixListId");
      if (!id || !/^pl-[0-9a-f]+$/.test(id))
        throw new SandboxError("InvalidPrefixListId.Malformed", `Invalid id: "${id ?? ""}"`, 400);
      return { ...base, prefixListId: id, description: description(r) };
    }),
    ...structList(p, "Groups").map((g) => {
      const ref =
        str(g, "GroupId") ??
        region.securityGroups.find((sg) => sg.name === str(g, "GroupName") && sg.vpcId === vpcId)?.id;
      const source = region.securityGroups.find((sg) => sg.id === ref);
      if (!source)
        throw new SandboxError(
          "InvalidGroup.NotFound",
          `The security group '${ref ?? str(g, "GroupName") ?? ""}' does not exist`,
          400,
        );
      if (source.vpcId !== vpcId)
        throw new SandboxError(
          "InvalidGroup.NotFound",
          "You have specified two resources that belong to different networks.",
          400,
        );
      return { ...base, referencedGroupId: source.id, description: description(g) };
    }),
  ];
  if (out.length === 0)
    throw invalidValue("Each IpPermission needs a source: IpRanges, Ipv6Ranges, PrefixListIds or Groups.");
  return out;
}

/** All candidate rules of an Authorize/Revoke request, in request order. */
export function parsePermissions(region: RegionState, params: FormNode, vpcId: string): RuleCandidate[] {
  const perms = structList(params, "IpPermissions");
  if (str(params, "CidrIp") !== undefined || str(params, "IpProtocol") !== undefined) {
    const legacy: FormNode = {
      IpProtocol: str(params, "IpProtocol") ?? "",
      IpRanges: { "1": { CidrIp: str(params, "CidrIp") ?? "" } },
    };
    for (const k of ["FromPort", "ToPort"]) if (str(params, k) !== undefined) legacy[k] = str(params, k)!;
    perms.push(legacy);
  }
  if (perms.length === 0) throw new SandboxError("MissingParameter", "No IpPermissions were specified.", 400);
  return perms.flatMap((p) => fromPermission(region, p, vpcId));
}

/** Same rule (ignoring the description), as EC2 decides duplicates. */
export function sameRule(a: RuleCandidate, b: RuleCandidate): boolean {
  return (
    a.ipProtocol === b.ipProtocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.cidrIpv4 === b.cidrIpv4 &&
    a.cidrIpv6 === b.cidrIpv6 &&
    a.prefixListId === b.prefixListId &&
    a.referencedGroupId === b.referencedGroupId
  );
}

/** EC2's wording for a rule in InvalidPermission.* messages. */
export function describeRule(r: RuleCandidate): string {
  const peer = r.cidrIpv4 ?? r.cidrIpv6 ?? r.prefixListId ?? r.referencedGroupId;
  const proto = r.ipProtocol === "-1" ? "ALL" : r.ipProtocol.toUpperCase();
  return `peer: ${peer}, ${proto}, from port: ${r.fromPort}, to port: ${r.toPort}, ALLOW`;
}
