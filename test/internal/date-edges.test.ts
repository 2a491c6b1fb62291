import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, epochOf, MAX_EPOCH_MS, offsetAt, periodOf } from "../../src/internal/date.js";

describe("ISO instants at the edges of the calendar", () => {
  it.each([
    "1900-02-29T00:00:00Z", // divisible by 100 but not by 400: not a leap year
    "2100-02-29T00:00:00Z",
    "2026-01-01T00:00:00+24:00", // offsets stop at 23:59
    "-271821-04-19T23:59:59.999Z", // one millisecond before the earliest Date
  ])("refuses %s", (text) => {
    expect(epochOf(text)).toBeNaN();
  });

  it.each([
    ["1600-02-29T00:00:00Z", Date.UTC(1600, 1, 29)],
    ["2026-01-01T00:00:00.1Z", Date.UTC(2026, 0, 1) + 100], // a tenth of a second, not a millisecond
    ["2026-01-01T00:00:00.12Z", Date.UTC(2026, 0, 1) + 120],
    ["2026-01-01T23:00:00+23:00", Date.UTC(2026, 0, 1)],
    ["2026-01-01T00:00:00-23:59", Date.UTC(2026, 0, 1, 23, 59)],
    ["-271821-04-20T00:00:00Z", -MAX_EPOCH_MS], // the earliest Date
    ["-271821-04-19T23:00:00-01:00", -MAX_EPOCH_MS],
  ])("reads %s", (text, ms) => {
    expect(epochOf(text)).toBe(ms);
  });

  it.each([-MAX_EPOCH_MS - 1, Number.NEGATIVE_INFINITY])("refuses epoch milliseconds %d below the range of a Date", (ms) => {
    expect(epochOf(ms)).toBeNaN();
  });

  it("accepts the earliest epoch millisecond a Date can hold", () => {
    expect(epochOf(-MAX_EPOCH_MS)).toBe(-MAX_EPOCH_MS);
  });
});

describe("civil calendar at the end of a 400-year cycle", () => {
  // February 29th of a year divisible by 400 is the last day of a cycle counted from March 1st.
  it.each([
    [1600, 2, 29],
    [2000, 2, 29],
    [2400, 2, 29],
    [-400, 2, 29],
    [2000, 3, 1],
  ])("civilFromDays inverts daysFromCivil on %i-%i-%i", (year, month, day) => {
    const days = daysFromCivil(year, month, day);
    expect(days).toBe(Date.UTC(year, month - 1, day) / 86_400_000);
    expect(civilFromDays(days)).toEqual({ year, month, day });
  });
});

describe("time-zone offsets with seconds", () => {
  // Before standard time, zones kept local mean time: London at -0:01:15, Tokyo at +9:18:59 (tz database).
  it.each([
    ["Europe/London", -(60 + 15) * 1000],
    ["Asia/Tokyo", ((9 * 60 + 18) * 60 + 59) * 1000],
  ])("%s keeps the seconds of its local mean time in 1800", (zone, offset) => {
    expect(offsetAt(Date.UTC(1800, 0, 1), zone)).toBe(offset);
  });
});

describe("period labels", () => {
  it("writes year 0 (1 BC) as 0000, without a sign", () => {
    expect(periodOf(epochOf("0000-06-01T00:00:00Z"), "year", "UTC").label).toBe("0000");
    expect(periodOf(epochOf("0000-06-01T00:00:00Z"), "month", "UTC").label).toBe("0000-06");
  });
});
