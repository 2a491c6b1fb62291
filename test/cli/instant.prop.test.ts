import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvScanner } from "../../src/cli/input/csv.js";
import { isoInstantAt } from "../../src/cli/input/instant.js";
import { parseInstant } from "../../src/cli/values.js";

const RUNS = process.env.CI ? 100_000 : 5_000;
// A zone of its own for dates without an offset, so that a text read as wall-clock time could not pass for UTC.
const READING = { timeZone: "America/New_York", epochUnit: undefined };
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The bytes of `text` inside other bytes, as a CSV field sits inside its chunk. */
function fast(text: string, before = "x,", after = ",y"): number {
  const bytes = Buffer.from(`${before}${text}${after}`, "utf8");
  const start = Buffer.byteLength(before);
  return isoInstantAt(bytes, start, start + Buffer.byteLength(text));
}

const digit = fc.constantFrom(..."0123456789");
const stray = fc.constantFrom("-", ":", "T", "Z", "t", "z", " ", ".", ",", "+", "a", "/", "٣", "\u0000", "é");
const char = fc.oneof({ weight: 30, arbitrary: digit }, { weight: 1, arbitrary: stray });
const chars = (n: number) => fc.array(char, { minLength: n, maxLength: n }).map((c) => c.join(""));
const often = <T>(usual: T, ...others: T[]) => fc.constantFrom(usual, usual, usual, usual, usual, ...others);

/** A field of `n` digits: mostly in [min, max], now and then just outside it, now and then with a stray character. */
const part = (n: number, min: number, max: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min, max }).map((v) => pad(v, n)) },
    { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, 10 ** n - 1).filter((v) => v >= 0).map((v) => pad(v, n)) },
    { weight: 1, arbitrary: chars(n) },
  );

/** Texts of the fast shape with a stray character now and then, fields out of range, and the shapes beside it. */
const nearValid = fc
  .tuple(
    part(4, 0, 9999),
    part(2, 1, 12),
    part(2, 1, 31),
    part(2, 0, 23),
    part(2, 0, 59),
    part(2, 0, 59),
    fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: part(3, 0, 999) }, { weight: 1, arbitrary: fc.oneof(chars(1), chars(2), chars(4), chars(6)) }),
    often("-", "/", "."),
    often("T", " ", "t"),
    fc.oneof(
      often("Z", "z", "UTC", " Z", "", "Zz"),
      fc.tuple(often("+", "-", "−", " +"), part(2, 0, 23), often(":", "", "."), part(2, 0, 59)).map((p) => p.join("")),
    ),
    often("", " ", "\t"),
  )
  .map(([y, mo, d, h, mi, s, ms, sep, t, z, space]) => `${space}${y}${sep}${mo}${sep}${d}${t}${h}:${mi}:${s}${ms === null ? "" : `.${ms}`}${z}`);

/** An instant within years 0001-9998 and an offset, written as exports write them, with the instant it names. */
const valid = fc
  .tuple(
    fc.integer({ min: Date.UTC(1, 0, 1) + 86_400_000, max: Date.UTC(9998, 11, 31) }),
    fc.boolean(),
    fc.oneof(fc.constant(undefined), fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 })),
  )
  .map(([ms, millis, offset]) => {
    const at = millis ? ms : Math.floor(ms / 1000) * 1000;
    const wall = new Date(at + (offset ?? 0) * 60_000).toISOString();
    const zone =
      offset === undefined ? "Z" : `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    return { text: `${millis ? wall.slice(0, 23) : wall.slice(0, 19)}${zone}`, at };
  });

describe("the byte-level ISO instant reader", () => {
  it("gives the full parser's instant whenever it answers, on near-valid texts", () => {
    let answered = 0;
    fc.assert(
      fc.property(nearValid, (text) => {
        const value = fast(text);
        if (Number.isNaN(value)) return;
        answered++;
        expect(value).toBe(parseInstant(text, READING));
      }),
      { numRuns: RUNS },
    );
    // The property says nothing unless the generator reaches the shape the reader answers for.
    expect(answered).toBeGreaterThan(RUNS / 20);
  });

  it("answers for every valid instant of its shape, with the instant written (Z or an offset, with or without milliseconds)", () => {
    fc.assert(
      fc.property(valid, ({ text, at }) => {
        expect(fast(text)).toBe(at);
        expect(parseInstant(text, READING)).toBe(at);
      }),
      { numRuns: RUNS },
    );
  });

  // Date.parse reads valid ISO 8601 instants exactly: the oracle for these.
  it.each([
    "2026-03-22T17:33:48Z",
    "2026-03-22T17:33:48.125Z",
    "2026-03-22T17:33:48+05:30",
    "2026-03-22T17:33:48.007-08:00",
    "2024-02-29T23:59:59Z",
    "2000-02-29T12:00:00-00:00",
    "0000-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59.999-23:59",
  ])("reads %s", (text) => {
    expect(fast(text)).toBe(Date.parse(text));
    expect(parseInstant(text, READING)).toBe(Date.parse(text));
  });

  it.each([
    "2026-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-00-10T00:00:00Z",
    "2026-01-00T00:00:00Z",
    "2026-01-01T24:00:00Z",
    "2026-01-01T00:60:00Z",
    "2026-01-01T00:00:60Z",
    "2026-01-01T00:00:00+24:00",
    "2026-01-01T00:00:00+01:60",
    "2026-01-01T00:00:00*01:00",
    "2026-01-01T00:00:00+01-00",
    "2026-01-01T00:00:00.12Z",
    "2026-01-01T00:00:00.1a3Z",
    "2026-01-01T00:00:00,123Z",
    "2026-01-01T00:00:00.123Y",
    "2026-01-01 00:00:00Z",
    "2026-01-01T00:00:00z",
    "2026-01-01T00:00:00",
    "2026-01-01",
    " 2026-01-01T00:00:00Z",
    "2026-01-01T00:00:00Z ",
    "20a6-01-01T00:00:00Z",
    "1774200828000",
    "",
  ])("leaves %j to the full parser", (text) => {
    expect(fast(text)).toBeNaN();
  });

  it("reads CSV fields in place, quoted ones too, and leaves fields with doubled quotes to the text", () => {
    const instants: number[] = [];
    const scanner = new CsvScanner(44, 1 << 20, "refuse", "t.csv");
    const csv = 'a,b,c\n2026-03-22T17:33:48Z,"2026-03-22T17:33:48.5Z","2026-03-22T17:33:48Z"""\n';
    scanner.push(Buffer.from(csv), (record) => {
      for (let i = 0; i < record.count; i++) instants.push(record.instant(i));
    });
    expect(instants.slice(0, 3).every(Number.isNaN)).toBe(true);
    expect(instants.slice(3)).toEqual([Date.UTC(2026, 2, 22, 17, 33, 48), Number.NaN, Number.NaN]);
  });
});
