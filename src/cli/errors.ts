import { escapeControls, quoteText } from "./text.js";

// The command line's own failures. Every one of them ends the run with exit code 2 and a message on stderr; anything
// else that escapes is a bug and exits with 1.

/** A bad command line: unknown metric or option, a missing or malformed value. The usage hint follows the message. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    /** The metric whose `--help` the hint points to, when known. */
    readonly metric?: string,
  ) {
    super(message);
  }
}

/** An input that cannot be used as a whole: unreadable file, missing column, no rows, no result. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** The output could not be written: a full disk, a closed pipe. */
export class OutputError extends Error {
  override readonly name = "OutputError";
}

/** One invalid value in one row; the reader adds where the row is (file and line) before it is shown. */
export class RowError extends Error {
  override readonly name = "RowError";
  constructor(
    /** The column holding the value, or undefined for a problem with the row as a whole. */
    readonly column: string | undefined,
    /** The offending value as read from the file. */
    readonly value: unknown,
    /** What is wrong with it, e.g. `outside 0-10` or `expected an integer`. */
    readonly problem: string,
  ) {
    super(column === undefined ? problem : `column "${column}" is ${showValue(value)}, ${problem}`);
  }
}

/** How a cell's value appears in messages: strings quoted and escaped, long ones cut. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "empty";
  if (typeof value === "string") return quoteText(value);
  if (typeof value === "object") {
    const text = escapeControls(JSON.stringify(value) ?? String(value));
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }
  return String(value);
}
