// The engines the SQL suites run on: DuckDB embedded, and the PostgreSQL server named by CX_POSTGRES_URL
// (.ci/postgres.sh starts one). Under CI=true a missing engine fails the suite instead of skipping it.
import { type DuckDBAppender, DuckDBInstance, DuckDBTimestampTZValue, DuckDBTimestampValue } from "@duckdb/node-api";
import pg from "pg";

export type ColumnType = "double" | "integer" | "text" | "boolean" | "timestamptz" | "timestamp";
export interface TableColumn {
  name: string;
  type: ColumnType;
}
export type Cell = number | string | boolean | Date | null;

export interface Engine {
  name: "duckdb" | "postgres";
  /** Runs a statement with parameters and returns rows as the client gives them. */
  query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Creates a table (dropping one of the same name) and loads rows into it. */
  load(table: string, columns: readonly TableColumn[], rows: readonly (readonly Cell[])[]): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const DUCK_TYPES: Record<ColumnType, string> = {
  double: "DOUBLE",
  integer: "INTEGER",
  text: "VARCHAR",
  boolean: "BOOLEAN",
  timestamptz: "TIMESTAMPTZ",
  timestamp: "TIMESTAMP",
};
const PG_TYPES: Record<ColumnType, string> = {
  double: "DOUBLE PRECISION",
  integer: "INTEGER",
  text: "TEXT",
  boolean: "BOOLEAN",
  timestamptz: "TIMESTAMPTZ",
  timestamp: "TIMESTAMP",
};

function append(appender: DuckDBAppender, type: ColumnType, v: Cell): void {
  if (v === null) appender.appendNull();
  else if (type === "double") appender.appendDouble(v as number);
  else if (type === "integer") appender.appendInteger(v as number);
  else if (type === "text") appender.appendVarchar(v as string);
  else if (type === "boolean") appender.appendBoolean(v as boolean);
  else if (type === "timestamptz") appender.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt((v as Date).getTime()) * 1000n));
  else appender.appendTimestamp(new DuckDBTimestampValue(BigInt((v as Date).getTime()) * 1000n));
}

export async function duckdb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  return {
    name: "duckdb",
    async query(text, params = []) {
      const reader = await connection.runAndReadAll(text, params as never);
      return reader.getRowObjects() as Record<string, unknown>[];
    },
    async load(table, columns, rows) {
      await connection.run(`DROP TABLE IF EXISTS ${quote(table)}`);
      await connection.run(`CREATE TABLE ${quote(table)} (${columns.map((c) => `${quote(c.name)} ${DUCK_TYPES[c.type]}`).join(", ")})`);
      const appender = await connection.createAppender(table);
      for (const row of rows) {
        for (let i = 0; i < columns.length; i++) append(appender, columns[i]!.type, row[i] ?? null);
        appender.endRow();
      }
      appender.closeSync();
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A timestamp without zone is written as its UTC wall time. */
function pgCell(v: Cell, type: ColumnType): unknown {
  if (v instanceof Date) return type === "timestamp" ? v.toISOString().replace("Z", "") : v.toISOString();
  return v;
}

export async function postgres(url: string): Promise<Engine> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET TIME ZONE 'UTC'");
  return {
    name: "postgres",
    async query(text, params = []) {
      const result = await client.query(text, params as unknown[]);
      return result.rows;
    },
    async load(table, columns, rows) {
      await client.query(`DROP TABLE IF EXISTS ${quote(table)}`);
      await client.query(`CREATE TABLE ${quote(table)} (${columns.map((c) => `${quote(c.name)} ${PG_TYPES[c.type]}`).join(", ")})`);
      const chunk = 20_000;
      for (let from = 0; from < rows.length; from += chunk) {
        const part = rows.slice(from, from + chunk);
        const arrays = columns.map((c, i) => part.map((r) => pgCell(r[i] ?? null, c.type)));
        const unnest = columns.map((c, i) => `CAST($${i + 1} AS ${PG_TYPES[c.type]}[])`).join(", ");
        await client.query(`INSERT INTO ${quote(table)} SELECT * FROM unnest(${unnest})`, arrays);
      }
    },
    async close() {
      await client.end();
    },
  };
}

export const inCi = process.env.CI === "true";
export const postgresUrl = process.env.CX_POSTGRES_URL;

/** The engines to run on; says plainly which one is missing locally, and fails under CI. */
export async function engines(): Promise<Engine[]> {
  const list = [await duckdb()];
  if (postgresUrl !== undefined && postgresUrl !== "") list.push(await postgres(postgresUrl));
  else if (inCi) throw new Error("CX_POSTGRES_URL is not set: .ci/run must start PostgreSQL (.ci/postgres.sh)");
  else if (!warned) {
    warned = true;
    console.warn("SQL tests: PostgreSQL not available (CX_POSTGRES_URL unset), running on DuckDB only. Start one with: bash .ci/postgres.sh -- npx vitest run test/sql");
  }
  return list;
}
let warned = false;
