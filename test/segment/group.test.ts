import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byPeriod, groupBy, nps } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";


const rows = [
  { channel: "chat", at: "2026-11-22T23:30:00Z", score: 10 },
  { channel: "email", at: "2026-11-23T08:00:00+01:00", score: 3 },
  { channel: "chat", at: "2026-10-01T00:00:00Z", score: 8 },
  { channel: "phone", at: Date.UTC(2025, 11, 29, 12), score: 9 },
];

describe("groupBy", () => {
  it("keeps segments in first-seen order with their counts", () => {
    const groups = groupBy(rows, (r) => r.channel, (g) => g.map((r) => r.score));
    expect(groups).toEqual([
      { key: "chat", result: [10, 8], count: 2 },
      { key: "email", result: [3], count: 1 },
      { key: "phone", result: [9], count: 1 },
    ]);
  });

  it("takes any iterable and compares keys as a Map does", () => {
    function* gen() {
      yield Number.NaN;
      yield 1;
      yield Number.NaN;
    }
    expect(groupBy(gen(), (x) => x, (g) => g.length).map((g) => [g.key, g.result])).toEqual([
      [Number.NaN, 2],
      [1, 1],
    ]);
  });

  it("segments partition the records", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 })), (xs) => {
        const groups = groupBy(xs, (x) => x % 3, (g) => g);
        expect(groups.reduce((s, g) => s + g.count, 0)).toBe(xs.length);
        expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
      }),
    );
  });

  it("lets a calculator's error through unchanged", () => {
    const error = errorOf(() => groupBy([{ s: 11 }], () => "all", (g) => nps(g.map((r) => r.s))));
    expect(error.metric).toBe("nps");
    expect(error.code).toBe("OUT_OF_RANGE");
  });

  it.each([
    [() => groupBy(5 as never, (x) => x, (g) => g), "groupBy: records is 5, expected an array or another iterable of records"],
    [() => groupBy([1], "channel" as never, (g) => g), 'groupBy: key is "channel", expected a function'],
    [() => groupBy([1], (x) => x, null as never), "groupBy: compute is null, expected a function"],
    [() => groupBy(null as never, (x) => x, (g) => g), "groupBy: records is null, expected an array or another iterable of records"],
    [() => groupBy("abc" as never, (x) => x, (g) => g), 'groupBy: records is "abc", expected an array or another iterable of records'],
    [() => groupBy({ length: 1, 0: "a" } as never, (x) => x, (g) => g), "groupBy: records is an object, expected an array or another iterable of records"],
  ])("refuses bad arguments %#", (run, message) => {
    const error = errorOf(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});

describe("byPeriod", () => {
  it("buckets by ISO week in UTC, ascending, with bounds", () => {
    const series = byPeriod(rows, { date: (r) => r.at, period: "week" }, (g) => g.length);
    expect(series.map((p) => [p.period, p.count])).toEqual([
      ["2026-W01", 1],
      ["2026-W40", 1],
      ["2026-W47", 1],
      ["2026-W48", 1],
    ]);
    expect(series[0]!.start.toISOString()).toBe("2025-12-29T00:00:00.000Z");
    expect(series[0]!.end.toISOString()).toBe("2026-01-05T00:00:00.000Z");
  });

  it("buckets in the given time zone", () => {
    const series = byPeriod(rows, { date: (r) => r.at, period: "day", timeZone: "Europe/Budapest" }, (g) => g.map((r) => r.score));
    expect(series.map((p) => p.period)).toEqual(["2025-12-29", "2026-10-01", "2026-11-23"]);
    expect(series[2]!.result).toEqual([10, 3]);
    expect(series[2]!.start.toISOString()).toBe("2026-11-22T23:00:00.000Z");
  });

  it.each([
    ["month", ["2025-12", "2026-10", "2026-11"]],
    ["quarter", ["2025-Q4", "2026-Q4"]],
    ["year", ["2025", "2026"]],
  ] as const)("labels %s periods", (period, labels) => {
    expect(byPeriod(rows, { date: (r) => r.at, period }, (g) => g.length).map((p) => p.period)).toEqual(labels);
  });

  it.each([
    [() => byPeriod([{ at: "2026-01-01" }], { date: (r) => r.at, period: "day" }, (g) => g), 'byPeriod: records[0].date is "2026-01-01", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds'],
    [() => byPeriod([{ at: 0 }, { at: 1 }, { at: "x" }], { date: (r) => r.at, period: "day" }, (g) => g), 'byPeriod: records[2].date is "x", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds'],
    [() => byPeriod(rows, { date: (r) => r.at, period: "fortnight" as never }, (g) => g), "byPeriod: options.period is \"fortnight\", expected one of 'day', 'week', 'month', 'quarter', 'year'"],
    [() => byPeriod(rows, { date: (r: { at: string }) => r.at } as never, (g) => g), "byPeriod: options.period is missing, expected one of 'day', 'week', 'month', 'quarter', 'year'"],
    [() => byPeriod(rows, { period: "day" } as never, (g) => g), "byPeriod: options.date is missing, expected a function"],
    [() => byPeriod(rows, { date: "at", period: "day" } as never, (g) => g), 'byPeriod: options.date is "at", expected a function'],
    [() => byPeriod(rows, { date: (r) => r.at, period: "day", timeZone: "Moon/Base" }, (g) => g), 'byPeriod: options.timeZone is "Moon/Base", expected an IANA time-zone name'],
    [() => byPeriod(rows, undefined as never, (g) => g), "byPeriod: options is null, expected an object"],
    [() => byPeriod(rows, { date: (r) => r.at, period: "day" }, 1 as never), "byPeriod: compute is 1, expected a function"],
  ])("refuses bad arguments %#", (run, message) => {
    const error = errorOf(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});
