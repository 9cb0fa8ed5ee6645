/**
 * CIDR parsing and canonicalisation as AWS does it: `10.0.5.7/16` is stored as `10.0.0.0/16`.
 * Shared by the sandbox (which must behave like EC2) and the wizard (which must predict EC2).
 */

export type ParsedCidr =
  { ok: true; version: 4 | 6; canonical: string; prefix: number } | { ok: false; reason: string };

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

/** Expands an IPv6 address (with `::` and an optional dotted IPv4 tail) into 8 16-bit groups. */
function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split("::").length > 2) return undefined;
  const [head = "", tail] = text.split("::");
  const toGroups = (s: string): number[] | undefined => {
    if (s === "") return [];
    const out: number[] = [];
    for (const piece of s.split(":")) {
      if (piece.includes(".")) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) out.push(parseInt(piece, 16));
      else return undefined;
    }
    return out;
  };
  const h = toGroups(head);
  const t = tail === undefined ? [] : toGroups(tail);
  if (!h || !t) return undefined;
  if (tail === undefined) return h.length === 8 ? h : undefined;
  const missing = 8 - h.length - t.length;
  return missing >= 1 ? [...h, ...new Array<number>(missing).fill(0), ...t] : undefined;
}

function maskBits(values: number[], bitsPer: number, prefix: number): number[] {
  return values.map((v, i) => {
    const keep = Math.max(0, Math.min(bitsPer, prefix - i * bitsPer));
    const mask = keep === 0 ? 0 : ((0xffffffff << (bitsPer - keep)) >>> 0) & ((1 << bitsPer) - 1);
    return v & mask;
  });
}

/** Shortest IPv6 text form (RFC 5952): lowercase, longest run of zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}

export function parseCidr(input: string): ParsedCidr {
  const text = input.trim();
  const slash = text.indexOf("/");
  if (slash < 0) return { ok: false, reason: "A CIDR needs a prefix length, e.g. 10.0.0.0/16." };
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return { ok: false, reason: "The prefix length must be a number." };
  const prefix = Number(prefixText);
  const v4 = parseIpv4(address);
  if (v4) {
    if (prefix > 32) return { ok: false, reason: "An IPv4 prefix length is 0 to 32." };
    return { ok: true, version: 4, prefix, canonical: `${maskBits(v4, 8, prefix).join(".")}/${prefix}` };
  }
  const v6 = parseIpv6(address);
  if (v6) {
    if (prefix > 128) return { ok: false, reason: "An IPv6 prefix length is 0 to 128." };
    return { ok: true, version: 6, prefix, canonical: `${formatIpv6(maskBits(v6, 16, prefix))}/${prefix}` };
  }
  return { ok: false, reason: `"${address}" is not an IPv4 or IPv6 address.` };
}

/** True for `0.0.0.0/0` and `::/0` in any spelling: the whole internet. */
export function isAnywhere(cidr: string): boolean {
  const parsed = parseCidr(cidr);
  return parsed.ok && parsed.prefix === 0;
}

/** Whether `inner` lies entirely inside `outer` (same IP version). */
export function cidrContains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  if (!o.ok || !i.ok || o.version !== i.version || i.prefix < o.prefix) return false;
  const reMasked = parseCidr(`${i.canonical.split("/")[0]}/${o.prefix}`);
  return reMasked.ok && reMasked.canonical === o.canonical;
}

/** The first and last address of a CIDR as integers (IPv4: 32 bits, IPv6: 128 bits), or undefined if invalid. */
export function cidrRange(cidr: string): { version: 4 | 6; first: bigint; last: bigint } | undefined {
  const parsed = parseCidr(cidr);
  if (!parsed.ok) return undefined;
  const address = parsed.canonical.split("/")[0]!;
  const [parts, bitsPer, width] =
    parsed.version === 4 ? [parseIpv4(address)!, 8n, 32] : [parseIpv6(address)!, 16n, 128];
  const first = parts.reduce((acc, part) => (acc << bitsPer) | BigInt(part), 0n);
  const size = 1n << BigInt(width - parsed.prefix);
  return { version: parsed.version, first, last: first + size - 1n };
}
