/**
 * EC2 `Filter.N.Name` / `Filter.N.Value.M` matching, with `*` and `?` wildcards and `tag:Key`
 * filters, as EC2 applies them (values of one filter OR-ed, filters AND-ed).
 */
import { invalidValue } from "@/tools/sandbox/errors";
import type { Tag } from "@/tools/sandbox/model/state";
import { required, stringList, structList, type FormNode } from "@/tools/sandbox/protocol/query-form";

export interface Filter {
  name: string;
  values: string[];
}

export function parseFilters(params: FormNode): Filter[] {
  return structList(params, "Filter").map((f) => ({
    name: required(f, "Name"),
    values: stringList(f, "Value"),
  }));
}

const glob = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );

/** Per filter name, the values an item offers; `tag:*` and `tag-key` come from `tags`. */
export type FilterFields<T> = Record<string, (item: T) => Array<string | undefined>>;

export function applyFilters<T>(
  items: T[],
  filters: Filter[],
  fields: FilterFields<T>,
  tags?: (item: T) => Tag[],
): T[] {
  for (const f of filters) {
    if (!fields[f.name] && !(tags && (f.name.startsWith("tag:") || f.name === "tag-key"))) {
      throw invalidValue(`The filter '${f.name}' is invalid`);
    }
  }
  return items.filter((item) =>
    filters.every((f) => {
      let offered: Array<string | undefined>;
      if (f.name.startsWith("tag:"))
        offered = tags!(item)
          .filter((t) => t.key === f.name.slice(4))
          .map((t) => t.value);
      else if (f.name === "tag-key") offered = tags!(item).map((t) => t.key);
      else offered = fields[f.name]!(item);
      return f.values.some((v) => offered.some((o) => o !== undefined && glob(v).test(o)));
    }),
  );
}
