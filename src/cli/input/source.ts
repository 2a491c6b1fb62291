import { createReadStream, type ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
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
  /** The bytes. */
  readonly stream: Readable;
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
    raw = await opened(createReadStream(path, { highWaterMark: 1 << 20 }), name);
  }
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  raw.on("error", (error) => counter.destroy(new InputError(`cannot read ${name}: ${systemReason(error)}`)));
  raw.pipe(counter);
  if (!/\.gz$/i.test(path)) return { name, size, stream: counter, bytesRead: () => bytes };
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
  return { name, size, stream: out, bytesRead: () => bytes };
}

/** Waits until a file is open, so that a permission error surfaces here rather than mid-stream. */
function opened(stream: ReadStream, path: string): Promise<ReadStream> {
  return new Promise((resolve, reject) => {
    stream.once("open", () => resolve(stream));
    stream.once("error", (error) => reject(new InputError(`cannot read ${path}: ${systemReason(error)}`)));
  });
}

function systemReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}
