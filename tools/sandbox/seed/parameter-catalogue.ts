/**
 * Families, their engine versions and the parameters each family's groups hold, derived from the
 * row tables. Parsed once; every group of a family shares the same definitions.
 */
import { MEMCACHED_PARAMETER_ROWS } from "./memcached-parameters";
import { REDIS_PARAMETER_ROWS } from "./redis-parameters";

export interface ParameterDef {
  name: string;
  defaultValue: string;
  description: string;
  dataType: "string" | "integer";
  /** `*` or absent means free text. */
  allowedValues: string;
  modifiable: boolean;
  changeType: "immediate" | "requires-reboot";
  minEngineVersion: string;
  engineDefault: boolean;
}

export interface FamilyInfo {
  family: string;
  engine: "redis" | "valkey" | "memcached";
  /** The Redis-compatible version that decides which parameters exist (Valkey 7.2+ speaks Redis 7.2.4). */
  compatVersion: string;
  versions: string[];
  description: string;
}

export const FAMILIES: FamilyInfo[] = [
  {
    family: "memcached1.6",
    engine: "memcached",
    compatVersion: "1.6.22",
    versions: ["1.6.17", "1.6.22"],
    description: "memcached version 1.6",
  },
  {
    family: "redis4.0",
    engine: "redis",
    compatVersion: "4.0.10",
    versions: ["4.0.10"],
    description: "Redis 4.0",
  },
  {
    family: "redis5.0",
    engine: "redis",
    compatVersion: "5.0.6",
    versions: ["5.0.6"],
    description: "Redis 5.0",
  },
  {
    family: "redis6.x",
    engine: "redis",
    compatVersion: "6.2.6",
    versions: ["6.0.5", "6.2.6"],
    description: "Redis 6.x",
  },
  {
    family: "redis7",
    engine: "redis",
    compatVersion: "7.1.0",
    versions: ["7.0.7", "7.1.0"],
    description: "Redis 7",
  },
  {
    family: "valkey7",
    engine: "valkey",
    compatVersion: "7.2.4",
    versions: ["7.2.6"],
    description: "Valkey 7",
  },
  {
    family: "valkey8",
    engine: "valkey",
    compatVersion: "7.2.4",
    versions: ["8.0.1", "8.1.0"],
    description: "Valkey 8",
  },
];

/** The version AWS picks when a client asks for the default of each engine (`DefaultOnly`). */
export const DEFAULT_VERSIONS: Record<string, string> = {
  redis: "7.1.0",
  valkey: "8.0.1",
  memcached: "1.6.22",
};

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function parseRows(rows: string): ParameterDef[] {
  return rows
    .trim()
    .split("\n")
    .map((line) => {
      const [name, defaultValue, allowedValues, flags, minEngineVersion, description] = line.split("|");
      const numeric = /^-?\d/.test(allowedValues!) && !/[a-z]/i.test(allowedValues!);
      return {
        name: name!,
        defaultValue: defaultValue!,
        allowedValues: allowedValues!,
        description: description!,
        dataType: numeric ? "integer" : "string",
        modifiable: !flags!.includes("n"),
        changeType: flags!.includes("r") ? "requires-reboot" : "immediate",
        minEngineVersion: minEngineVersion!,
        engineDefault: flags!.includes("e"),
      };
    });
}

const REDIS = parseRows(REDIS_PARAMETER_ROWS);
const MEMCACHED = parseRows(MEMCACHED_PARAMETER_ROWS);
const cache = new Map<string, ParameterDef[]>();

export function familyInfo(family: string): FamilyInfo | undefined {
  return FAMILIES.find((f) => f.family === family);
}

/** The parameter definitions of a family, sorted by name as AWS lists them. */
export function parametersOf(family: string): ParameterDef[] {
  const cached = cache.get(family);
  if (cached) return cached;
  const info = familyInfo(family);
  if (!info) return [];
  const source = info.engine === "memcached" ? MEMCACHED : REDIS;
  const defs = source
    .filter((d) => compareVersions(d.minEngineVersion, info.compatVersion) <= 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  cache.set(family, defs);
  return defs;
}

/** Whether `value` is allowed by an AllowedValues expression such as `yes,no`, `1-75`, `0,20-` or `*`. */
export function valueAllowed(def: ParameterDef, value: string): boolean {
  if (def.allowedValues === "*" || def.allowedValues === "") return true;
  return def.allowedValues.split(",").some((option) => {
    const range = /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)?$/.exec(option);
    if (!range) return option === value;
    if (!/^-?\d+(\.\d+)?$/.test(value)) return false;
    const n = Number(value);
    return n >= Number(range[1]) && (range[2] === undefined || n <= Number(range[2]));
  });
}
