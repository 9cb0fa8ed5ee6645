import { parse } from "csv-parse/sync";

/** RFC 4180 CSV read back into rows of cells (quotes removed), for tests of the exports. */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true }) as string[][];
}
