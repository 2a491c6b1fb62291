import { OutputError } from "../errors.js";

/** A stream the program writes to; `isTTY` decides the default format (stdout) and progress (stderr). */
export interface Output {
  write(text: string, done?: (error?: Error | null) => void): unknown;
  readonly isTTY?: boolean;
}

const FLUSH_AT = 1 << 16;

/**
 * Writes text in pieces of about 64 kB, each one waiting until the stream has taken the one before: output of any size
 * goes out at the pace the reader takes it, without being held whole in memory. A failed write (a full disk, a closed
 * pipe) becomes an OutputError.
 */
export class Writer {
  private pending = "";

  constructor(
    private readonly out: Output,
    private readonly name = "standard output",
  ) {}

  /** Adds text; returns a promise when the caller must wait for the stream. */
  write(text: string): Promise<void> | undefined {
    this.pending += text;
    return this.pending.length >= FLUSH_AT ? this.flush() : undefined;
  }

  /** Writes what is held and waits until the stream has taken it. */
  flush(): Promise<void> {
    const text = this.pending;
    this.pending = "";
    if (text === "") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const fail = (error: unknown) => reject(new OutputError(`cannot write to ${this.name}: ${reasonOf(error)}`));
      try {
        this.out.write(text, (error) => (error ? fail(error) : resolve()));
      } catch (error) {
        fail(error);
      }
    });
  }
}

/** Writes every piece of a generated output through a Writer, then flushes it. */
export async function writeAll(writer: Writer, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    const wait = writer.write(piece);
    if (wait !== undefined) await wait;
  }
  await writer.flush();
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOSPC") return "no space left on the device (ENOSPC)";
  if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED") return "the reader closed the pipe (EPIPE)";
  if (code === "EFBIG") return "the file is too large for the device (EFBIG)";
  if (typeof code === "string") return code;
  return error instanceof Error ? error.message : String(error);
}
