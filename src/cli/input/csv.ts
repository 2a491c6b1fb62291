import { parse } from "csv-parse";
import { InputError } from "../errors.js";
import type { Source } from "./source.js";
import type { ColumnRequest, Field, Row, Table } from "./table.js";

/**
 * Reads CSV through csv-parse's streaming parser: quoted fields with embedded delimiters, quotes and newlines, a BOM,
 * CRLF or LF line ends. The first record is the header. Blank lines are skipped (they still count as lines).
 */
export async function csvTable(source: Source, delimiter: string): Promise<Table> {
  const parser = source.stream.pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }),
  );
  source.stream.on("error", (error) => parser.destroy(error));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await nextRecord(records, source.name, 1);
  if (first.done === true) throw new InputError(`${source.name} is empty: expected a header line naming the columns`);
  const header = first.value;
  let line = 1 + lineBreaks(header);

  return {
    field({ column, option }: ColumnRequest): Field {
      const index = header.indexOf(column);
      if (index === -1) {
        throw new InputError(
          `column "${column}" (${option}) not found in ${source.name}; its columns are ${header.map((h) => `"${h}"`).join(", ")}`,
        );
      }
      return (row) => (row.cells as string[])[index];
    },
    async *rows(): AsyncIterable<Row> {
      for (;;) {
        const next = await nextRecord(records, source.name, line + 1);
        if (next.done === true) return;
        const cells = next.value;
        const start = line + 1;
        line = start + lineBreaks(cells);
        if (cells.length === 1 && cells[0] === "" && header.length > 1) continue;
        yield cells.length === header.length
          ? { line: start, cells }
          : { line: start, cells, invalid: `the record has ${cells.length} field${cells.length === 1 ? "" : "s"}, the header has ${header.length}` };
      }
    },
    finish() {},
  };
}

async function nextRecord(records: AsyncIterator<string[]>, name: string, line: number): Promise<IteratorResult<string[]>> {
  try {
    return await records.next();
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A syntax error (an unclosed quote) leaves the parser unable to find where the next record begins.
    const where = (error as { lines?: unknown }).lines;
    throw new InputError(
      `${name}, line ${typeof where === "number" ? where : line}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Line breaks inside quoted fields: a record spanning three lines holds two. CRLF counts once. */
function lineBreaks(cells: ReadonlyArray<string>): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.includes("\n") || cell.includes("\r")) breaks += cell.match(/\r\n|\r|\n/g)!.length;
  }
  return breaks;
}
