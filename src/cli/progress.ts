import type { Source } from "./input/index.js";

/** Something a progress line can be written to: a terminal's stderr. */
export interface ProgressTarget {
  write(text: string): unknown;
}

const DELAY_MS = 250;
const EVERY_MS = 200;

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/**
 * Shows `reading data.csv: 12.0 MB of 80.0 MB (15%), 1,204,000 rows, 850,000 rows/s, 0:07 left` on one line of a
 * terminal's stderr, once reading has taken more than a quarter of a second, and erases it when done. The time left
 * assumes the rest of the input reads at the pace so far; without a known size (standard input) only the bytes, rows
 * and pace are shown. Returns the function that stops it.
 */
export function startProgress(source: Source, target: ProgressTarget, rows: () => number, now: () => number = Date.now): () => void {
  let shown = false;
  const started = now();
  const draw = () => {
    const read = source.bytesRead();
    const seconds = (now() - started) / 1000;
    const parts = [megabytes(read)];
    if (source.size !== undefined && source.size > 0) {
      parts[0] = `${megabytes(read)} of ${megabytes(source.size)} (${Math.min(100, Math.floor((100 * read) / source.size))}%)`;
    }
    const n = rows();
    parts.push(`${n.toLocaleString("en-US")} rows`);
    if (seconds > 0) parts.push(`${Math.round(n / seconds).toLocaleString("en-US")} rows/s`);
    if (source.size !== undefined && read > 0 && read < source.size) parts.push(`${clock((seconds * (source.size - read)) / read)} left`);
    target.write(`\r\x1b[Kreading ${source.name}: ${parts.join(", ")}`);
    shown = true;
  };
  let timer: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    draw();
    timer = setInterval(draw, EVERY_MS);
    timer.unref();
  }, DELAY_MS);
  delay.unref();
  return () => {
    clearTimeout(delay);
    if (timer !== undefined) clearInterval(timer);
    if (shown) target.write("\r\x1b[K");
  };
}
