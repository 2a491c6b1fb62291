import { describe, expect, it } from "vitest";
import { type BusinessCalendar, BusinessDaySchema, businessDuration, LocalDateSchema } from "../../src/index.js";
import { errorOf, MINUTE } from "./helpers.js";

const DAY = 86_400_000;

/** Every instant of every day is business time, so business durations equal elapsed ones. */
function alwaysOpen(timeZone: string): BusinessCalendar {
  return {
    timeZone,
    weekly: Object.fromEntries(
      ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((d) => [d, [["00:00", "24:00"]]]),
    ),
  };
}

describe("businessDuration around a 25-hour day", () => {
  it("counts the last half hour of the Monday after Budapest falls back", () => {
    // 2026-10-25 lasts 25 hours in Budapest; every hour is business time, so the result is the elapsed time.
    const start = "2026-10-24T12:00:00+02:00";
    const end = "2026-10-26T23:30:00+01:00";
    expect(businessDuration(start, end, alwaysOpen("Europe/Budapest"))).toBe(Date.parse(end) - Date.parse(start));
  });

  it("counts a late window on that Monday up to the end instant", () => {
    // Monday 26 Oct 23:00-24:00 is the only window; the span ends at 23:30, half an hour into it.
    const cal: BusinessCalendar = { timeZone: "Europe/Budapest", weekly: { monday: [["23:00", "24:00"]] } };
    expect(businessDuration("2026-10-24T12:00:00+02:00", "2026-10-26T23:30:00+01:00", cal)).toBe(30 * MINUTE);
  });
});

describe("businessDuration over a week-long daylight-saving period", () => {
  // Recife kept daylight saving time for one week in 2000: clocks sprang from 00:00 to 01:00 on 8 October and fell
  // back to -03 on 15 October, so the local week from 8 to 14 October lasts exactly 7 x 24 hours although its offset
  // changes. Every hour is business time, so each result is the elapsed time.
  it.each([
    ["2000-10-09T12:00:00-02:00", "2000-10-16T12:00:00-03:00"],
    ["2000-10-09T00:30:00-02:00", "2000-10-14T23:30:00-03:00"],
    ["2000-10-01T12:00:00-03:00", "2000-10-20T12:00:00-03:00"],
  ])("counts the real hours from %s to %s", (start, end) => {
    expect(businessDuration(start, end, alwaysOpen("America/Recife"))).toBe(Date.parse(end) - Date.parse(start));
  });
});

describe("businessDuration at the 400,000-day limit", () => {
  // The table covers the local days of both instants plus one on either side: 399,997 days apart is 400,000 days.
  it("accepts instants 399,997 days apart", () => {
    expect(businessDuration(0, 399_997 * DAY, alwaysOpen("UTC"))).toBe(399_997 * DAY);
  });

  it("refuses instants 399,998 days apart, naming end", () => {
    const error = errorOf(() => businessDuration(0, 399_998 * DAY, alwaysOpen("UTC")));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.issues[0]!.path).toEqual(["end"]);
    // Day 0 to day 399,998 inclusive are 399,999 local days.
    expect(error.message).toBe(
      "businessDuration: business hours are counted over at most 400000 local days (about 1,100 years); these instants span 399999",
    );
  });
});

describe("businessDuration refuses calendars", () => {
  it.each([
    ["a calendar that is null", null, "calendar is null, expected an object"],
    ["weekly that is null", { timeZone: "UTC", weekly: null }, "calendar.weekly is null, expected an object"],
    [
      "a time wrapped in an array",
      { timeZone: "UTC", weekly: { friday: [[["09:00"], "17:00"]] } },
      `calendar.weekly.friday[0][0] is ["09:00"], expected a time of day 'HH:MM' from 00:00 to 24:00`,
    ],
    [
      "a holiday wrapped in an array",
      { timeZone: "UTC", weekly: {}, holidays: [["2026-12-25"]] },
      `calendar.holidays[0] is ["2026-12-25"], expected a local date 'YYYY-MM-DD'`,
    ],
    ["a holiday in month 00", { timeZone: "UTC", weekly: {}, holidays: ["2026-00-10"] }, `calendar.holidays[0] is "2026-00-10", expected a local date 'YYYY-MM-DD'`],
  ])("%s", (_name, cal, message) => {
    const error = errorOf(() => businessDuration(0, 1, cal as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(`businessDuration: ${message}`);
  });

  it("reports overlapping windows with zod's custom code at the later window's index", () => {
    const error = errorOf(() => businessDuration(0, 1, { timeZone: "UTC", weekly: { monday: [["13:00", "18:00"], ["09:00", "13:30"]] } }));
    expect(error.issues[0]).toMatchObject({ code: "custom", path: ["calendar", "weekly", "monday", 0] });
  });

  it("refuses two windows with the same start", () => {
    const error = errorOf(() => businessDuration(0, 1, { timeZone: "UTC", weekly: { monday: [["09:00", "10:00"], ["09:00", "12:00"]] } }));
    expect(error.issues[0]!.path).toEqual(["calendar", "weekly", "monday", 1]);
    expect(error.message).toBe(
      `businessDuration: calendar.weekly.monday[1] is ["09:00", "12:00"], expected windows that do not overlap (it overlaps ["09:00", "10:00"])`,
    );
  });
});

describe("calendar schemas", () => {
  it("BusinessDaySchema reports an overlap as a custom issue at the later window's index", () => {
    const result = BusinessDaySchema.safeParse([["13:00", "18:00"], ["09:00", "13:30"]]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      code: "custom",
      path: [0],
      message: `[0] is ["13:00", "18:00"], expected windows that do not overlap (it overlaps ["09:00", "13:30"])`,
    });
  });

  it("BusinessDaySchema reports two windows with the same start at the second one", () => {
    const result = BusinessDaySchema.safeParse([["09:00", "10:00"], ["09:00", "12:00"]]);
    expect(result.error?.issues[0]).toMatchObject({ path: [1], message: `[1] is ["09:00", "12:00"], expected windows that do not overlap (it overlaps ["09:00", "10:00"])` });
  });

  it.each(["2026-00-10", "2026-13-10", "2026-06-31"])("LocalDateSchema refuses %s", (text) => {
    expect(LocalDateSchema.safeParse(text).success).toBe(false);
  });

  it.each(["2026-12-31", "2026-01-01", "2024-02-29"])("LocalDateSchema accepts %s", (text) => {
    expect(LocalDateSchema.safeParse(text).success).toBe(true);
  });
});

