import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { startProgress } from "../../src/cli/progress.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function source(size: number | undefined, read: () => number) {
  return { name: "data.csv", size, bytesRead: read, chunks: () => [][Symbol.iterator]() as never };
}

it("shows bytes of the total, rows, rows per second and the time left, then erases the line", () => {
  let now = 0;
  let bytes = 0;
  let rows = 0;
  const written: string[] = [];
  const stop = startProgress(source(100 * 1_048_576, () => bytes), { write: (t: string) => written.push(t) }, () => rows, () => now);
  now = 2000;
  bytes = 25 * 1_048_576;
  rows = 1_000_000;
  vi.advanceTimersByTime(300);
  expect(written.at(-1)).toBe("\r\u001b[Kreading data.csv: 25.0 MB of 100.0 MB (25%), 1,000,000 rows, 500,000 rows/s, 0:06 left");
  stop();
  expect(written.at(-1)).toBe("\r\u001b[K");
});

it("without a known size (standard input) shows what was read and the pace only", () => {
  let now = 0;
  const written: string[] = [];
  const stop = startProgress(source(undefined, () => 3 * 1_048_576), { write: (t: string) => written.push(t) }, () => 40_000, () => now);
  now = 4000;
  vi.advanceTimersByTime(300);
  expect(written.at(-1)).toBe("\r\u001b[Kreading data.csv: 3.0 MB, 40,000 rows, 10,000 rows/s");
  stop();
});

it("writes nothing for a run shorter than a quarter of a second", () => {
  const written: string[] = [];
  const stop = startProgress(source(10, () => 10), { write: (t: string) => written.push(t) }, () => 1);
  vi.advanceTimersByTime(100);
  stop();
  expect(written).toEqual([]);
});
