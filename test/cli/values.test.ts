import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDecimal, parseInstant, UNAMBIGUOUS_MS } from "../../src/cli/values.js";
import { epochOf } from "../../src/internal/date.js";

const UTC = { timeZone: "UTC", epochUnit: undefined } as const;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

describe("parseInstant", () => {
  it.each([
    ["2026-03-22 17:33:48 -0500", Date.UTC(2026, 2, 22, 22, 33, 48)],
    ["2026-03-22 17:33:48-05:00", Date.UTC(2026, 2, 22, 22, 33, 48)],
    ["2026-03-22T17:33:48+0530", Date.UTC(2026, 2, 22, 12, 3, 48)],
    ["2026-03-22T17:33:48+05", Date.UTC(2026, 2, 22, 12, 33, 48)],
    ["2026-03-22T17:33:48.123456Z", Date.UTC(2026, 2, 22, 17, 33, 48, 123)],
    ["2026-03-22 17:33:48 UTC", Date.UTC(2026, 2, 22, 17, 33, 48)],
    ["2026-03-22 17:33:48", Date.UTC(2026, 2, 22, 17, 33, 48)],
    ["2026-03-22 17:33", Date.UTC(2026, 2, 22, 17, 33)],
    ["  2026-03-22  ", Date.UTC(2026, 2, 22)],
    ["1774200828000", 1_774_200_828_000],
  ])("reads %s", (text, expected) => {
    expect(parseInstant(text, UTC)).toBe(expected);
  });

  it("reads local times in the input zone", () => {
    expect(parseInstant("2026-07-01 09:00", { timeZone: "Europe/Paris", epochUnit: undefined })).toBe(Date.UTC(2026, 6, 1, 7));
  });

  it("keeps years 0000-0099 where they are", () => {
    const d = new Date(0);
    d.setUTCFullYear(50, 5, 1);
    d.setUTCHours(12, 0, 0, 0);
    expect(parseInstant("0050-06-01 12:00", UTC)).toBe(d.getTime());
  });

  it.each(["2026-02-30", "2026-13-01", "2026-03-22T24:00", "2026-03-22T17:60", "2026-03-22T17:33:48+24:00", "2026-03-22T17:33:48 +05:0", "2026-03-22T", "yesterday", "0x10", "2026-03-22T17:33:48.Z"])(
    "refuses %s",
    (text) => {
      expect(typeof parseInstant(text, UTC)).toBe("string");
    },
  );

  it("refuses numbers that could be seconds or milliseconds unless --epoch-unit says which", () => {
    expect(parseInstant("1774200828", UTC)).toMatch(/--epoch-unit/);
    expect(parseInstant(UNAMBIGUOUS_MS - 1, UTC)).toMatch(/--epoch-unit/);
    expect(parseInstant(UNAMBIGUOUS_MS, UTC)).toBe(UNAMBIGUOUS_MS);
    expect(parseInstant("1774200828", { timeZone: "UTC", epochUnit: "s" })).toBe(1_774_200_828_000);
    expect(parseInstant("1774200828.5", { timeZone: "UTC", epochUnit: "s" })).toBe(1_774_200_828_500);
    expect(parseInstant(42, { timeZone: "UTC", epochUnit: "ms" })).toBe(42);
    expect(parseInstant(9e15, { timeZone: "UTC", epochUnit: "ms" })).toMatch(/outside the range/);
  });

  it("agrees with the library's reader on every ISO 8601 instant with a zone", () => {
    const instant = fc.record({
      y: fc.integer({ min: 0, max: 9999 }),
      mo: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
      frac: fc.option(fc.stringMatching(/^\d{1,9}$/)),
      zone: fc.oneof(fc.constant("Z"), fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([sign, zh, zm]) => `${sign}${pad(zh)}:${pad(zm)}`)),
    });
    fc.assert(
      fc.property(instant, ({ y, mo, d, h, mi, s, frac, zone }) => {
        const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${frac === null ? "" : `.${frac}`}${zone}`;
        const library = epochOf(text);
        const ours = parseInstant(text, UTC);
        expect(Number.isNaN(library) ? "refused" : library).toEqual(typeof ours === "string" ? "refused" : ours);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("isDecimal", () => {
  it.each(["0", "10", "-3", "+4", "1.5", ".5", "5.", "1e3", "1E-3", " 7 "])("%s is a decimal number", (text) => {
    expect(isDecimal(text)).toBe(true);
  });
  it.each(["0x9", "0b1010", "0o12", "Infinity", "NaN", "1_000", "", "1e", "--1", "1.2.3"])("%s is not", (text) => {
    expect(isDecimal(text)).toBe(false);
  });
});
