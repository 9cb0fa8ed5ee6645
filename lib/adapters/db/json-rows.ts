/**
 * Many rows for one INSERT as one parameter: a JSON array that PostgreSQL unpacks with
 * jsonb_populate_recordset. Bound one value per column, an audit of 1,000 targets was 24,000 parameters,
 * each typed and encoded by Drizzle and the driver on the server's thread (with the embedded database, the
 * thread the pages wait on); one JSON text is parsed by PostgreSQL instead.
 */
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/** A SELECT of `rows` (keyed by the table's property names) in the table's column order, for insert().select(). */
export function jsonRows(table: PgTable, rows: Record<string, unknown>[]): SQL {
  const columns = Object.entries(getTableColumns(table));
  // Missing and undefined become JSON null, which jsonb_populate_recordset reads as SQL NULL.
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(columns.map(([key, column]) => [column.name, row[key] ?? null]))),
  );
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  return sql`select ${names} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)`;
}
