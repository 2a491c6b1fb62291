import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byPeriod, groupBy } from "../../src/index.js";
import { errorOf, failure } from "../helpers/errors.js";

const MAX = 8.64e15;

class Mine extends Error {}

describe("groupBy and byPeriod pass the caller's own exceptions through unchanged", () => {
  const mine = new Mine("mine");
  const thrower = () => {
    throw mine;
  };
  function* failing() {
    yield 1;
    throw mine;
  }
  const brokenIterable = { [Symbol.iterator]: thrower };

  it.each([
    ["groupBy key", () => groupBy([1], thrower, (g) => g)],
    ["groupBy compute", () => groupBy([1], (x) => x, thrower)],
    ["groupBy iterator", () => groupBy(failing(), (x) => x, (g) => g)],
    ["groupBy [Symbol.iterator]", () => groupBy(brokenIterable as never, (x) => x, (g) => g)],
    ["byPeriod date", () => byPeriod([1], { date: thrower, period: "day" }, (g) => g)],
    ["byPeriod compute", () => byPeriod([1], { date: () => 0, period: "day" }, thrower)],
    ["byPeriod iterator", () => byPeriod(failing(), { date: () => 0, period: "day" }, (g) => g)],
  ])("%s", (_name, run) => {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(mine);
  });

  it("a thrown non-Error passes through too", () => {
    expect(() => groupBy([1], () => { throw "plain"; }, (g) => g)).toThrow("plain");
  });
});

describe("byPeriod at the ends of the range of a Date", () => {
  it.each([
    [MAX, "day", `OUT_OF_RANGE byPeriod: records[0].date is 8640000000000000, its day ends after the range of a Date (±8.64e15 ms)`],
    [-MAX, "week", `OUT_OF_RANGE byPeriod: records[0].date is -8640000000000000, its week starts before the range of a Date (±8.64e15 ms)`],
    [-MAX, "month", `OUT_OF_RANGE byPeriod: records[0].date is -8640000000000000, its month starts before the range of a Date (±8.64e15 ms)`],
  ] as const)("%s by %s is refused naming the record", (at, period, message) => {
    expect(failure(() => byPeriod([{ at }], { date: (r) => r.at, period }, (g) => g.length))).toBe(message);
  });

  it("epoch milliseconds are truncated as a Date truncates them: -0.5 is in the day of 0", () => {
    expect(byPeriod([-0.5, -5e-324], { date: (x) => x, period: "day" }, (g) => g.length)).toEqual([
      { period: "1970-01-01", start: new Date(0), end: new Date(86_400_000), result: 2, count: 2 },
    ]);
  });

  it("the extreme day that fits has valid Dates as bounds", () => {
    const [p] = byPeriod([-MAX], { date: (x) => x, period: "day" }, (g) => g.length);
    expect(p!.start.getTime()).toBe(-MAX);
    expect(p!.end.getTime()).toBe(-MAX + 86_400_000);
    expect(p!.period).toBe("-271821-04-20");
  });

  it("far from UTC, near the ends, the result or OUT_OF_RANGE: never an internal error", () => {
    const e = errorOf(() => byPeriod([MAX - 1e10], { date: (x) => x, period: "year", timeZone: "America/New_York" }, (g) => g));
    expect(e.code).toBe("OUT_OF_RANGE");
    const [p] = byPeriod([MAX - 1e10], { date: (x) => x, period: "day", timeZone: "Asia/Tokyo" }, (g) => g.length);
    expect(Number.isFinite(p!.start.getTime()) && Number.isFinite(p!.end.getTime())).toBe(true);
  });

  it("every instant gets valid bounds or OUT_OF_RANGE naming its index", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: -MAX, max: MAX, noNaN: true }), fc.constantFrom(MAX, -MAX, MAX - 1, -MAX + 1), fc.tuple(fc.integer({ min: MAX - 4e11, max: MAX }), fc.boolean()).map(([x, minus]) => (minus ? -x : x))),
        fc.constantFrom("day", "week", "month", "quarter", "year"),
        fc.constantFrom("UTC", "Europe/Budapest", "Pacific/Kiritimati", "America/Los_Angeles"),
        (at, period, timeZone) => {
          try {
            const [p] = byPeriod([0, at], { date: (x) => x, period, timeZone }, (g) => g.length).filter((g) => g.start.getTime() <= new Date(at).getTime() && new Date(at).getTime() < g.end.getTime());
            expect(p).toBeDefined();
            expect(Number.isFinite(p!.start.getTime()) && Number.isFinite(p!.end.getTime())).toBe(true);
          } catch (error) {
            const e = errorOf(() => {
              throw error;
            });
            expect(e.code).toBe("OUT_OF_RANGE");
            expect(e.issues[0]!.path).toEqual(["records", 1, "date"]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
