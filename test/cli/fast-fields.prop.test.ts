import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvTable } from "../../src/cli/input/csv.js";
import type { Source } from "../../src/cli/input/source.js";

const LIMITS = { maxRecordBytes: 1 << 20, maxJsonBytes: 1 << 20, invalidUtf8: "refuse" as const };

function source(text: string, chunk: number): Source {
  const bytes = Buffer.from(text);
  return {
    name: "input",
    size: bytes.length,
    bytesRead: () => bytes.length,
    chunks: async function* () {
      for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
    },
  } as unknown as Source;
}

/** Each row's key and score as the fast readers give them, beside the text the plain field gives. */
async function read(csv: string, chunk: number) {
  const table = await csvTable(source(csv, chunk), ",", LIMITS);
  const key = table.field({ column: "key", option: "--by" });
  const score = table.field({ column: "score", option: "--column" });
  const out: Array<{ key: string; text: string; digits: number; score: string }> = [];
  await table.scan((row) => {
    if (row.invalid !== undefined) return;
    out.push({ key: key.key!(row), text: key(row) as string, digits: score.digits!(row), score: score(row) as string });
  });
  return out;
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const KEYS = ["email", "chat", "", " ", "in-app", 'say "hi"', "a,b", "café", "日本", "line\nbreak", "emai", "emails"];
const SCORES = ["0", "7", "10", "99", "100", " 7", "7 ", "07", "", "x", "1.5", "-1", "٣"];

describe("the CSV table's fast readers", () => {
  it("give the text the field gives (keys) and the value of one or two digits (scores), whatever the chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })), fc.constantFrom(...SCORES), fc.boolean()), { maxLength: 80 }),
        fc.integer({ min: 1, max: 64 }),
        async (rows, chunk) => {
          const csv = `key,score\n${rows.map(([k, s, q]) => `${quote(k)},${q ? `"${s}"` : quote(s)}`).join("\n")}\n`;
          for (const r of await read(csv, chunk)) {
            expect(r.key).toBe(r.text);
            expect(r.digits).toBe(/^\d{1,2}$/.test(r.score) ? Number(r.score) : -1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps giving the right keys when values seldom repeat (and it stops remembering them)", async () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? "chat" : `k${(i * 7919) % 5003}`));
    const rows = await read(`key,score\n${keys.map((k) => `${k},1`).join("\n")}\n`, 4096);
    expect(rows.map((r) => r.key)).toEqual(keys);
  });
});
