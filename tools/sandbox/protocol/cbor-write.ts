/**
 * A CBOR writer for Smithy RPC v2 answers. cbor-x reads the requests, but it writes every integral number
 * as a CBOR integer, while a `double` member (CloudWatch's Threshold and datapoint Values) must go out as a
 * float so botocore hands back `80.0`, not `80`: members named in `doubles` (and the items of a list so
 * named) are written as float64. Dates are tag 1 (epoch seconds), as the protocol requires; undefined
 * members are left out.
 */

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  }
  if (n < 0x100000000) {
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = (major << 5) | 27;
  b.writeBigUInt64BE(BigInt(n), 1);
  return b;
}

function float64(v: number): Buffer {
  const b = Buffer.alloc(9);
  b[0] = 0xfb;
  b.writeDoubleBE(v, 1);
  return b;
}

function number(v: number, double: boolean): Buffer {
  if (double || !Number.isSafeInteger(v)) return float64(v);
  return v >= 0 ? head(0, v) : head(1, -1 - v);
}

function item(value: unknown, double: boolean, doubles: ReadonlySet<string>): Buffer[] {
  if (value === null) return [Buffer.from([0xf6])];
  if (typeof value === "boolean") return [Buffer.from([value ? 0xf5 : 0xf4])];
  if (typeof value === "number") return [number(value, double)];
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return [head(3, bytes.length), bytes];
  }
  if (value instanceof Date) return [Buffer.from([0xc1]), number(value.getTime() / 1000, false)];
  if (Array.isArray(value)) return [head(4, value.length), ...value.flatMap((v) => item(v, double, doubles))];
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return [
      head(5, entries.length),
      ...entries.flatMap(([k, v]) => [...item(k, false, doubles), ...item(v, doubles.has(k), doubles)]),
    ];
  }
  throw new Error(`cannot write ${typeof value} as CBOR`);
}

export function writeCbor(value: unknown, doubles: ReadonlySet<string> = new Set()): Buffer {
  return Buffer.concat(item(value, false, doubles));
}
