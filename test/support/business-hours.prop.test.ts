// Laws of business time: bounded by calendar time, additive over adjacent spans, and equal to elapsed time when every
// hour is a business hour, in any zone. The day table is checked against the plain definition on random spans.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BusinessCalendar, businessDuration } from "../../src/index.js";
import { CompiledCalendar } from "../../src/support/business-hours.js";

const DAY = 86_400_000;
const ZONES = [
  "UTC",
  "Europe/Budapest",
  "America/New_York",
  "America/Santiago",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/St_Johns",
];
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

const hhmm = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, "0")}:${String((quarter % 4) * 15).padStart(2, "0")}`;

/** Sorted, non-overlapping windows on quarter hours, from pairs of distinct cut points. */
const dayArb = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }).map((cuts) => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const windows: Array<[string, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) windows.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)]);
  return windows;
});

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekly: fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, dayArb])) as Record<(typeof WEEKDAYS)[number], typeof dayArb>, {
    requiredKeys: [],
  }),
  holidays: fc.array(
    fc.integer({ min: 0, max: 800 }).map((k) => new Date(Date.UTC(2025, 11, 1) + k * DAY).toISOString().slice(0, 10)),
    { maxLength: 10 },
  ),
});

/** Integer instants from 2025-12 to 2028-02, where several transitions of each zone fall. */
const instantArb = fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2028, 1, 1) });
const allDay = (timeZone: string): BusinessCalendar => ({
  timeZone,
  weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, [["00:00", "24:00"]]])) as BusinessCalendar["weekly"],
});

describe("businessDuration laws", () => {
  it("business time is never negative and never exceeds calendar time", () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, (cal, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const d = businessDuration(a, b, cal);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(b - a);
      }),
      { numRuns: 300 },
    );
  });

  it("splitting [a, c) at any b gives durations that add up", () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(businessDuration(a, b, cal) + businessDuration(b, c, cal)).toBe(businessDuration(a, c, cal));
      }),
      { numRuns: 300 },
    );
  });

  it("a 24/7 calendar in UTC equals plain elapsed time, over any span", () => {
    const utc = allDay("UTC");
    const wide = fc.integer({ min: -1e13, max: 1e13 });
    fc.assert(
      fc.property(wide, wide, (x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(businessDuration(a, b, utc)).toBe(b - a);
      }),
      { numRuns: 200 },
    );
  });

  it("a 24/7 calendar in any zone equals elapsed time, daylight-saving days included", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instantArb, instantArb, (zone, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(businessDuration(a, b, allDay(zone))).toBe(b - a);
      }),
      { numRuns: 300 },
    );
  });

  it("the day table agrees with the plain definition, piece by piece of constant offset", () => {
    const shortSpan = fc.integer({ min: 0, max: 3 * DAY });
    fc.assert(
      fc.property(calendarArb, instantArb, shortSpan, (cal, a, span) => {
        const compiled = new CompiledCalendar(cal);
        const b = a + span;
        const clock = compiled.clock(a, b, "test", []);
        expect(clock.at(b) - clock.at(a)).toBe(compiled.generalMeasure(a, b));
      }),
      { numRuns: 300 },
    );
  });
});
