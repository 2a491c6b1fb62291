import { type FileHandle, open, stat } from "node:fs/promises";
import { type Readable, Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { InputError } from "../errors.js";
import { escapeControls } from "../text.js";

/** Bytes flowing from a file or standard input, counted as they pass so progress can be shown. */
export interface Source {
  /** How messages name the input: the path, or `standard input`. */
  readonly name: string;
  /** The file's size in bytes; undefined for standard input and other streams of unknown length. */
  readonly size: number | undefined;
  /**
   * The bytes, chunk by chunk. A chunk is valid until the next one is asked for (a plain file is read into one buffer,
   * over and over, so that memory stays flat): readers copy what they keep.
   */
  chunks(): AsyncIterator<Buffer>;
  /** Bytes read so far. */
  bytesRead(): number;
}

/** The default limit on the bytes a `.gz` input may expand to: 16 GiB. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 16 * 1024 ** 3;

/** Opens a file (or `-` for standard input), failing with a clear InputError when it cannot be read. */
export async function openSource(path: string, stdin: Readable, maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES): Promise<Source> {
  let raw: Readable;
  let size: number | undefined;
  const name = path === "-" ? "standard input" : escapeControls(path);
  let bytes = 0;
  if (path === "-") raw = stdin;
  else {
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw new InputError(`cannot read ${name}: it is a directory`);
      size = info.isFile() ? info.size : undefined;
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`cannot read ${name}: ${systemReason(error)}`);
    }
    let handle: FileHandle;
    try {
      handle = await open(path, "r");
    } catch (error) {
      throw new InputError(`cannot read ${name}: ${systemReason(error)}`);
    }
    if (!/\.gz$/i.test(path)) {
      return { name, size, chunks: () => fileChunks(handle, name, (n) => (bytes += n)), bytesRead: () => bytes };
    }
    raw = handle.createReadStream({ highWaterMark: 1 << 18 });
  }
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  raw.on("error", (error) => counter.destroy(new InputError(`cannot read ${name}: ${systemReason(error)}`)));
  raw.pipe(counter);
  if (!/\.gz$/i.test(path)) return { name, size, chunks: () => streamChunks(counter), bytesRead: () => bytes };
  // Progress counts compressed bytes, against the compressed file's size.
  // The guard on the decompressed size stops a small file that expands without end (a gzip bomb) early.
  const gunzip = createGunzip({ chunkSize: 1 << 18 });
  let expanded = 0;
  const out = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      expanded += chunk.length;
      if (expanded > maxDecompressedBytes) {
        done(new InputError(`${name} expands to more than ${maxDecompressedBytes} bytes (--max-decompressed-bytes raises the limit)`));
        return;
      }
      done(null, chunk);
    },
  });
  gunzip.on("error", (error) => out.destroy(new InputError(`cannot read ${name}: ${error.message} (not gzip data?)`)));
  counter.on("error", (error) => out.destroy(error));
  counter.pipe(gunzip).pipe(out);
  return { name, size, chunks: () => streamChunks(out), bytesRead: () => bytes };
}

const CHUNK = 1 << 20;

/** A plain file read into one reused buffer: no garbage per chunk, so the resident size stays flat. */
async function* fileChunks(handle: FileHandle, name: string, count: (n: number) => void): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (;;) {
      let n: number;
      try {
        n = (await handle.read(buffer, 0, CHUNK, null)).bytesRead;
      } catch (error) {
        throw new InputError(`cannot read ${name}: ${systemReason(error)}`);
      }
      if (n === 0) return;
      count(n);
      yield buffer.subarray(0, n);
    }
  } finally {
    await handle.close();
  }
}

function streamChunks(stream: Readable): AsyncIterator<Buffer> {
  return stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
}

function systemReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}
