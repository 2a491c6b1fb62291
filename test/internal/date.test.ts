import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addPeriods,
  checkTimeZone,
  civilFromDays,
  DAY_MS,
  DateInputSchema,
  daysFromCivil,
  epochOf,
  fromWallMs,
  isoWeek,
  isoWeekday,
  isValidTimeZone,
  localDay,
  offsetAt,
  type Period,
  periodOf,
  TimeZoneSchema,
  toEpochMs,
  toWallMs,
} from "../../src/internal/date.js";

const H = 3_600_000;

describe("date inputs", () => {
  it.each([
    ["2026-01-01T00:00:00Z", Date.UTC(2026, 0, 1)],
    ["2026-01-01T01:00:00+01:00", Date.UTC(2026, 0, 1)],
    ["2026-01-01 01:00+0100", Date.UTC(2026, 0, 1)],
    ["2026-01-01T00:00:00.123z", Date.UTC(2026, 0, 1) + 123],
    ["2026-01-01t01:00:00.123456-00:30", Date.UTC(2026, 0, 1, 1, 30) + 123],
    ["2026-01-01T02:00+01", Date.UTC(2026, 0, 1, 1)],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
    ["2000-02-29T00:00:00Z", Date.UTC(2000, 1, 29)],
    ["+275760-09-13T00:00:00Z", 8.64e15],
    [0, 0],
    [-0, 0],
    [new Date(5), 5],
  ])("epochOf(%s)", (value, ms) => {
    expect(Object.is(epochOf(value), ms)).toBe(true);
  });

  it.each([
    "2026-02-31T00:00:00Z",
    "2026-02-29T00:00:00Z",
    "2026-04-31T12:00:00+02:00",
    "2026-01-01T24:00:00Z",
    "2026-01-01T10:60:00Z",
    "2026-01-01T10:00:60Z",
    "2026-01-01T10:00:00+01:60",
    "2026-00-10T10:00:00Z",
    "2026-01-00T10:00:00Z",
    "+275760-09-13T00:00:00.001Z",
    "2026-01-01",
    "2026-01-01T00:00:00",
    "January 1, 2026",
    "2026-13-01T00:00:00Z",
    "",
    Number.NaN,
    Number.POSITIVE_INFINITY,
    8.64e15 + 1,
    new Date(Number.NaN),
    null,
    undefined,
    {},
  ])("epochOf(%s) is NaN", (value) => {
    expect(epochOf(value)).toBeNaN();
    expect(DateInputSchema.safeParse(value).success).toBe(false);
  });

  it("reads every valid instant as Date.parse does", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(-62_135_596_800_000), max: new Date(253_370_764_800_000), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (d, offsetMinutes) => {
        const local = new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? "-" : "+";
        const abs = Math.abs(offsetMinutes);
        const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
        expect(epochOf(text)).toBe(Date.parse(text));
        expect(epochOf(text)).toBe(d.getTime());
      }),
    );
  });

  it("toEpochMs throws INVALID_INPUT naming the path", () => {
    expect(() => toEpochMs("2026-01-01", "m", ["tickets", 3, "createdAt"])).toThrow(
      'm: tickets[3].createdAt is "2026-01-01", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds',
    );
    expect(toEpochMs(12, "m", [])).toBe(12);
  });
});

describe("civil calendar", () => {
  it("daysFromCivil and civilFromDays are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
        const d = new Date(days * DAY_MS);
        if (Number.isFinite(d.getTime())) expect([year, month, day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      }),
    );
  });

  it("isoWeekday matches the platform", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (days) => {
        expect(isoWeekday(days)).toBe(((new Date(days * DAY_MS).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it.each([
    ["2025-12-29", 2026, 1],
    ["2026-01-01", 2026, 1],
    ["2027-01-01", 2026, 53],
    ["2021-01-03", 2020, 53],
    ["2026-11-22", 2026, 47],
  ])("isoWeek(%s) is %i-W%i", (date, year, week) => {
    expect(isoWeek(Date.parse(`${date}T00:00:00Z`) / DAY_MS)).toEqual({ year, week });
  });
});

describe("time zones", () => {
  it("knows IANA names through Intl and refuses others", () => {
    expect(isValidTimeZone("Europe/Budapest")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone(7)).toBe(false);
    expect(TimeZoneSchema.safeParse("UTC").success).toBe(true);
    expect(checkTimeZone("Asia/Tokyo", "m", [])).toBe("Asia/Tokyo");
    expect(() => checkTimeZone("Nowhere", "m", ["options", "timeZone"])).toThrow(
      'm: options.timeZone is "Nowhere", expected an IANA time-zone name',
    );
  });

  it("offsets follow daylight saving time", () => {
    expect(offsetAt(Date.UTC(2026, 6, 1), "Europe/Budapest")).toBe(2 * H);
    expect(offsetAt(Date.UTC(2026, 0, 1), "Europe/Budapest")).toBe(H);
    expect(offsetAt(Date.UTC(2026, 0, 1), "America/New_York")).toBe(-5 * H);
    expect(offsetAt(Date.UTC(2026, 0, 1), "Asia/Kolkata")).toBe(5.5 * H);
    expect(offsetAt(Date.UTC(2026, 0, 1), "Etc/UTC")).toBe(0);
    expect(offsetAt(-62_198_755_200_000, "Europe/London")).toBeLessThan(0); // year 0 (1 BC): local mean time
  });

  it("fromWallMs inverts toWallMs, taking the earlier instant of an ambiguous hour and skipping a gap forward", () => {
    const zone = "Europe/Budapest";
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (t) => {
        const back = fromWallMs(toWallMs(t, zone), zone);
        expect(back === t || back === t - H).toBe(true);
      }),
    );
    expect(fromWallMs(Date.UTC(2026, 2, 29, 2, 30), zone)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(fromWallMs(Date.UTC(2026, 9, 25, 2, 30), zone)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(fromWallMs(Date.UTC(2026, 5, 1, 12), zone)).toBe(Date.UTC(2026, 5, 1, 10));
  });

  it("keeps its offset cache bounded and correct after clearing it", () => {
    const zone = "America/Sao_Paulo";
    const quarterHour = 900_000;
    const start = Date.UTC(2000, 0, 1);
    for (let i = 0; i <= 100_001; i++) offsetAt(start + i * quarterHour, zone);
    expect(offsetAt(Date.UTC(2026, 0, 1), zone)).toBe(-3 * H);
  });

  it("localDay is the day on the zone's calendar", () => {
    expect(localDay(Date.UTC(2026, 0, 1, 23), "Europe/Budapest")).toBe(daysFromCivil(2026, 1, 2));
    expect(localDay(Date.UTC(2026, 0, 1, 23), "UTC")).toBe(daysFromCivil(2026, 1, 1));
  });
});

describe("periods", () => {
  it.each([
    ["day", "2026-11-22T10:00:00Z", "UTC", "2026-11-22", "2026-11-22T00:00:00.000Z", "2026-11-23T00:00:00.000Z"],
    ["week", "2026-11-22T10:00:00Z", "UTC", "2026-W47", "2026-11-16T00:00:00.000Z", "2026-11-23T00:00:00.000Z"],
    ["week", "2025-12-29T10:00:00Z", "UTC", "2026-W01", "2025-12-29T00:00:00.000Z", "2026-01-05T00:00:00.000Z"],
    ["month", "2026-11-22T10:00:00Z", "UTC", "2026-11", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
    ["quarter", "2026-11-22T10:00:00Z", "UTC", "2026-Q4", "2026-10-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["year", "2026-11-22T10:00:00Z", "UTC", "2026", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["month", "2026-01-31T23:30:00Z", "Europe/Budapest", "2026-02", "2026-01-31T23:00:00.000Z", "2026-02-28T23:00:00.000Z"],
    ["day", "2026-03-29T12:00:00Z", "Europe/Budapest", "2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"],
    ["year", "-000050-06-01T00:00:00Z", "UTC", "-0050", "-000050-01-01T00:00:00.000Z", "-000049-01-01T00:00:00.000Z"],
  ])("%s of %s in %s is %s", (period, at, zone, label, start, end) => {
    const p = periodOf(Date.parse(at), period as Period, zone);
    expect(p.label).toBe(label);
    expect(new Date(p.start).toISOString()).toBe(start);
    expect(new Date(p.end).toISOString()).toBe(end);
  });

  it("addPeriods steps whole periods and crosses year ends", () => {
    const jan = daysFromCivil(2026, 1, 1);
    expect(addPeriods(jan, "day", 3)).toBe(jan + 3);
    expect(addPeriods(jan, "week", 2)).toBe(jan + 14);
    expect(addPeriods(daysFromCivil(2026, 11, 1), "month", 3)).toBe(daysFromCivil(2027, 2, 1));
    expect(addPeriods(daysFromCivil(2026, 10, 1), "quarter", 2)).toBe(daysFromCivil(2027, 4, 1));
    expect(addPeriods(jan, "year", -1)).toBe(daysFromCivil(2025, 1, 1));
  });

  it("every instant lies within its period", () => {
    const periods: Period[] = ["day", "week", "month", "quarter", "year"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...periods),
        fc.constantFrom("UTC", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe"),
        (t, period, zone) => {
          const p = periodOf(t, period, zone);
          expect(p.start).toBeLessThanOrEqual(t);
          expect(t).toBeLessThan(p.end);
          expect(periodOf(p.end, period, zone).start).toBe(p.end);
        },
      ),
    );
  });
});
