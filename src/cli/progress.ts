import type { Source } from "./input/index.js";

/** Something a progress line can be written to: a terminal's stderr. */
export interface ProgressTarget {
  write(text: string): unknown;
}

const DELAY_MS = 1000;
const EVERY_MS = 200;

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/**
 * Shows `reading data.csv: 12.0 MB of 80.0 MB (15%)` on one line of a terminal's stderr, once reading has taken more
 * than a second, and erases it when done. Returns the function that stops it.
 */
export function startProgress(source: Source, target: ProgressTarget): () => void {
  let shown = false;
  const draw = () => {
    const read = source.bytesRead();
    const of =
      source.size === undefined || source.size === 0
        ? ""
        : ` of ${megabytes(source.size)} (${Math.min(100, Math.floor((100 * read) / source.size))}%)`;
    target.write(`\r\x1b[Kreading ${source.name}: ${megabytes(read)}${of}`);
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
