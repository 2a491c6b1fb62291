import { describe, expect, it } from "vitest";
import { type BusinessCalendar, BusinessCalendarSchema, businessDuration } from "../../src/index.js";
import { CompiledCalendar } from "../../src/support/business-hours.js";
import fixtures from "../fixtures/support.json" with { type: "json" };
import { calendar, errorOf, failure, HOUR } from "./helpers.js";

const office = () => calendar("budapestOffice");

describe("businessDuration fixtures", () => {
  it.each(fixtures.businessDuration.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(businessDuration(f.start, f.end, calendar(f.calendar) as never)).toBe(f.hours * HOUR);
  });
});

describe("businessDuration", () => {
  it("reads Date objects and epoch milliseconds like ISO strings", () => {
    const start = "2026-11-23T16:00:00+01:00";
    const end = "2026-11-24T10:00:00+01:00";
    const expected = businessDuration(start, end, office() as never);
    expect(businessDuration(new Date(start), Date.parse(end), office() as never)).toBe(expected);
  });

  it("counts a window ending at 24:00 up to midnight", () => {
    const cal = { timeZone: "UTC", weekly: { monday: [["20:00", "24:00"]] } } as never;
    expect(businessDuration("2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z", cal)).toBe(4 * HOUR);
    expect(businessDuration("2026-11-23T22:00:00Z", "2026-11-24T02:00:00Z", cal)).toBe(2 * HOUR);
  });

  it("an empty weekly calendar holds no business time", () => {
    expect(businessDuration("2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z", { timeZone: "UTC", weekly: {} })).toBe(0);
  });

  it("sums a year of weekdays without walking it minute by minute (2026 has 261 weekdays)", () => {
    const ms = businessDuration("2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00", { ...office(), holidays: [] } as never);
    expect(ms).toBe(261 * 8 * HOUR);
  });

  it("a year of 24-hour days in a zone with daylight saving holds 365 x 24 hours (the 23 and the 25 cancel)", () => {
    const ms = businessDuration("2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00", calendar("budapestAllDay") as never);
    expect(ms).toBe(365 * 24 * HOUR);
  });

  it("reads instants inside a day whose offset changes on the wall clock", () => {
    const all = calendar("budapestAllDay") as never;
    // 2026-10-25: 03:00 CEST falls back to 02:00 CET; from 00:00 to 02:30 CET is 3.5 real hours.
    expect(businessDuration("2026-10-25T00:00:00+02:00", "2026-10-25T02:30:00+01:00", all)).toBe(3.5 * HOUR);
    // Starting inside the transition day and ending after it.
    expect(businessDuration("2026-10-25T02:30:00+02:00", "2026-10-26T00:00:00+01:00", all)).toBe(22.5 * HOUR);
  });

  it("treats a zone whose midnight is skipped (Santiago springs forward at 00:00) as a day starting at 01:00", () => {
    const cal = { timeZone: "America/Santiago", weekly: { sunday: [["00:00", "24:00"]] } } as never;
    // 2026-09-06: clocks jump from 00:00 to 01:00, so Sunday holds 23 hours.
    expect(businessDuration("2026-09-05T12:00:00-04:00", "2026-09-07T12:00:00-03:00", cal)).toBe(23 * HOUR);
  });

  it("accepts a span of centuries and refuses one of millennia", () => {
    const cal: BusinessCalendar = { timeZone: "UTC", weekly: { monday: [["00:00", "24:00"]] } };
    expect(businessDuration("1900-01-01T00:00:00Z", "2100-01-01T00:00:00Z", cal)).toBeGreaterThan(0);
    expect(failure(() => businessDuration(-8.64e15, 8.64e15, cal))).toMatchInlineSnapshot(
      `"OUT_OF_RANGE businessDuration: business hours are counted over at most 400000 local days (about 1,100 years); these instants span 200000001"`,
    );
  });

  it("names the bad instant", () => {
    expect(failure(() => businessDuration("yesterday", 0, office() as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT businessDuration: start is "yesterday", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`,
    );
    expect(failure(() => businessDuration(0, new Date(Number.NaN), office() as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT businessDuration: end is an invalid Date, expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`,
    );
    expect(failure(() => businessDuration("2026-11-23T10:00:00Z", "2026-11-23T09:00:00Z", office() as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT businessDuration: end is "2026-11-23T09:00:00Z", expected an instant not before start ("2026-11-23T10:00:00Z")"`,
    );
  });

  const bad: Array<[string, unknown, string]> = [
    ["a calendar that is not an object", "office", `calendar is "office", expected an object`],
    ["an unknown zone", { timeZone: "Europe/Atlantis", weekly: {} }, `calendar.timeZone is "Europe/Atlantis", expected an IANA time-zone name`],
    ["a missing zone", { weekly: {} }, "calendar.timeZone is missing, expected an IANA time-zone name"],
    ["an unknown key", { timeZone: "UTC", weekly: {}, holiday: [] }, `calendar has unknown key "holiday"`],
    ["unknown keys", { timeZone: "UTC", weekly: {}, zone: "UTC", days: [] }, `calendar has unknown keys "zone", "days"`],
    ["weekly that is not an object", { timeZone: "UTC", weekly: [] }, "calendar.weekly is [], expected an object"],
    ["a misspelt weekday", { timeZone: "UTC", weekly: { tuesdy: [] } }, `calendar.weekly has unknown key "tuesdy"`],
    [
      "a day that is not an array",
      { timeZone: "UTC", weekly: { monday: "09:00-17:00" } },
      `calendar.weekly.monday is "09:00-17:00", expected an array of windows [start, end]`,
    ],
    [
      "a window that is not a pair",
      { timeZone: "UTC", weekly: { monday: [["09:00", "12:00", "17:00"]] } },
      `calendar.weekly.monday[0] is ["09:00", "12:00", "17:00"], expected a window [start, end]`,
    ],
    [
      "a malformed time",
      { timeZone: "UTC", weekly: { friday: [["09:00", "17:60"]] } },
      `calendar.weekly.friday[0][1] is "17:60", expected a time of day 'HH:MM' from 00:00 to 24:00`,
    ],
    [
      "a time that is not a string",
      { timeZone: "UTC", weekly: { friday: [[9, "17:00"]] } },
      "calendar.weekly.friday[0][0] is 9, expected a time of day 'HH:MM' from 00:00 to 24:00",
    ],
    [
      "an inverted window",
      { timeZone: "UTC", weekly: { monday: [["17:00", "09:00"]] } },
      `calendar.weekly.monday[0] is ["17:00", "09:00"], expected a start before the end`,
    ],
    [
      "an empty window",
      { timeZone: "UTC", weekly: { monday: [["09:00", "09:00"]] } },
      `calendar.weekly.monday[0] is ["09:00", "09:00"], expected a start before the end`,
    ],
    [
      "overlapping windows (in any order)",
      { timeZone: "UTC", weekly: { monday: [["13:00", "18:00"], ["09:00", "13:30"]] } },
      `calendar.weekly.monday[0] is ["13:00", "18:00"], expected windows that do not overlap (it overlaps ["09:00", "13:30"])`,
    ],
    ["holidays that are not an array", { timeZone: "UTC", weekly: {}, holidays: "2026-12-25" }, `calendar.holidays is "2026-12-25", expected an array of local dates 'YYYY-MM-DD'`],
    ["a holiday that does not exist", { timeZone: "UTC", weekly: {}, holidays: ["2026-02-29"] }, `calendar.holidays[0] is "2026-02-29", expected a local date 'YYYY-MM-DD'`],
    ["a holiday in month 13", { timeZone: "UTC", weekly: {}, holidays: ["2026-12-24", "2026-13-01"] }, `calendar.holidays[1] is "2026-13-01", expected a local date 'YYYY-MM-DD'`],
    ["a holiday on day 0", { timeZone: "UTC", weekly: {}, holidays: ["2026-12-00"] }, `calendar.holidays[0] is "2026-12-00", expected a local date 'YYYY-MM-DD'`],
    ["a holiday that is not a date", { timeZone: "UTC", weekly: {}, holidays: ["25/12/2026"] }, `calendar.holidays[0] is "25/12/2026", expected a local date 'YYYY-MM-DD'`],
    ["a holiday that is a Date", { timeZone: "UTC", weekly: {}, holidays: [20261225] }, "calendar.holidays[0] is 20261225, expected a local date 'YYYY-MM-DD'"],
  ];

  it.each(bad)("refuses %s with INVALID_INPUT naming the field", (_name, cal, message) => {
    const error = errorOf(() => businessDuration(0, 1, cal as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(`businessDuration: ${message}`);
    expect(BusinessCalendarSchema.safeParse(cal).success).toBe(false);
  });

  it("accepts windows that touch, leap days as holidays and a calendar with every weekday", () => {
    const cal = {
      timeZone: "Europe/Budapest",
      weekly: { monday: [["12:00", "17:00"], ["09:00", "12:00"]], sunday: [["00:00", "24:00"]] },
      holidays: ["2028-02-29"],
    } as never;
    expect(BusinessCalendarSchema.safeParse(cal).success).toBe(true);
    expect(businessDuration("2026-11-23T08:00:00+01:00", "2026-11-23T18:00:00+01:00", cal)).toBe(8 * HOUR);
  });

  it("turns a throwing getter into INVALID_INPUT", () => {
    const cal = {
      timeZone: "UTC",
      get weekly(): never {
        throw new Error("boom");
      },
    };
    expect(failure(() => businessDuration(0, 1, cal as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT businessDuration: input could not be read (boom)"`,
    );
  });
});

describe("CompiledCalendar.generalMeasure", () => {
  it("agrees with the day table on ordinary and transition days", () => {
    const compiled = new CompiledCalendar(calendar("newYorkSplitShift") as never);
    const a = Date.parse("2026-03-07T10:00:00-05:00");
    const b = Date.parse("2026-03-09T10:00:00-04:00");
    const clock = compiled.clock(a, b, "test", []);
    expect(compiled.generalMeasure(a, b)).toBe(clock.at(b) - clock.at(a));
  });
});

describe("spans ending on a daylight-saving day", () => {
  const allWeek: BusinessCalendar = {
    timeZone: "Europe/Budapest",
    weekly: Object.fromEntries(
      ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((d) => [d, [["00:00", "24:00"]]]),
    ),
  };

  it("measure the real hours of a lone last day whose offset changes", () => {
    // Eight local days: a steady week, then 2026-03-29 alone, when clocks spring forward at 02:00.
    const start = "2026-03-22T00:00:00+01:00";
    const end = "2026-03-29T12:00:00+02:00";
    expect(businessDuration(start, end, allWeek)).toBe(Date.parse(end) - Date.parse(start));
  });

  it("measure the real hours when the day after the span is the one whose offset changes", () => {
    // The table of local days reaches one day past the span: here 2026-03-29, when clocks spring forward.
    const start = "2026-03-27T10:00:00Z";
    const end = "2026-03-28T12:00:00Z";
    expect(businessDuration(start, end, allWeek)).toBe(Date.parse(end) - Date.parse(start));
  });

  it("measure the real hours within one such day", () => {
    expect(businessDuration("2026-03-28T23:30:00Z", "2026-03-29T02:30:00Z", allWeek)).toBe(3 * HOUR);
  });
});
