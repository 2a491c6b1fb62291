import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochOf, parseIsoFast, parseIsoInstant } from "../../src/internal/date.js";

const RUNS = process.env.CI ? 200_000 : 5_000;
const digit = fc.constantFrom(..."0123456789");
const anyChar = fc.oneof({ weight: 20, arbitrary: digit }, { weight: 1, arbitrary: fc.constantFrom("-", ":", "T", "Z", "t", "z", " ", ".", "a", "+", "٣") });
const field = (n: number, char: fc.Arbitrary<string>) => fc.array(char, { minLength: n, maxLength: n }).map((c) => c.join(""));

/** Strings of the fast shape, with a stray character now and then in any position, and valid and invalid dates. */
const shaped = fc
  .tuple(field(4, digit), field(2, anyChar), field(2, anyChar), field(2, anyChar), field(2, anyChar), field(2, anyChar), fc.option(field(3, anyChar)), fc.constantFrom("-", "-", "-", "/"), fc.constantFrom("T", "T", "T", " ", "t"), fc.constantFrom("Z", "Z", "Z", "z", "+"))
  .map(([y, mo, d, h, mi, s, ms, sep, t, z]) => `${y}${sep}${mo}-${d}${t}${h}:${mi}:${s}${ms === null ? "" : `.${ms}`}${z}`);

describe("the fast ISO reader", () => {
  it("gives the full parser's instant whenever it answers, and leaves everything else to it", () => {
    fc.assert(
      fc.property(shaped, (text) => {
        const fast = parseIsoFast(text);
        if (fast !== undefined) expect(fast).toBe(parseIsoInstant(text));
        expect(epochOf(text)).toBe(parseIsoInstant(text));
      }),
      { numRuns: RUNS },
    );
  });

  it("answers for every valid instant of the shape, as Date reads it", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }), fc.boolean(), (date, millis) => {
        const full = date.toISOString();
        const text = millis ? full : `${full.slice(0, 19)}Z`;
        const want = millis ? date.getTime() : Math.floor(date.getTime() / 1000) * 1000;
        expect(parseIsoFast(text)).toBe(want);
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses what does not exist and leaves offsets and other shapes to the full parser", () => {
    for (const text of ["2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z", "2026-01-01T00:00:00+01:00", "2026-01-01T00:00Z", "2026-01-0aT00:00:00Z"]) {
      expect(parseIsoFast(text)).toBeUndefined();
    }
    expect(parseIsoFast("2024-02-29T12:34:56.789Z")).toBe(Date.UTC(2024, 1, 29, 12, 34, 56, 789));
  });
});
