// Extreme doubles in every numeric field of every calculator outside src/predictive: each call starts from a valid
// input, and any set of its numbers is replaced by a double from the edges of the format (±MAX_VALUE, the smallest
// subnormal, 2^53 ± 1, ±8.64e15, -0, values just below and above each scale's bounds). The promise: a result whose every
// number is finite and every Date valid, or a CxMetricsError (never an internal error dressed as INVALID_INPUT, which
// would carry a `cause`). Accumulators add the promise that their state survives JSON and restores to the same result.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as cx from "../src/index.js";

const RUNS = process.env.CI ? 2_000 : 150;

const EXTREMES = [
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  1e308,
  1e200,
  1e154,
  1e-154,
  1e-200,
  1e-300,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 53 - 1,
  -(2 ** 53),
  8.64e15,
  -8.64e15,
  8.64e15 - 1,
  -0,
  0,
  0.5,
  1 - 2 ** -53,
  1 + 2 ** -52,
  -1,
  0.1,
  99.999999,
  100,
  100.000001,
  1e15,
  4294967296,
];
const extreme = fc.oneof(fc.constantFrom(...EXTREMES), fc.double({ noNaN: true, noDefaultInfinity: true }));

type Path = ReadonlyArray<string | number>;

/** The paths of every number in a template (arrays and plain objects walked, typed arrays element by element). */
function numericPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === "number") return [path];
  if (ArrayBuffer.isView(value)) return Array.from({ length: (value as Float64Array).length }, (_, i) => [...path, i]);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => numericPaths(v, [...path, Array.isArray(value) ? Number(k) : k]));
}

function clone<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return (value as unknown as Float64Array).slice() as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  }
  return value;
}

function setAt(root: unknown, path: Path, v: number): void {
  let current = root as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) current = current[segment] as Record<string | number, unknown>;
  current[path[path.length - 1]!] = v;
}

function assertFinite(value: unknown, where: string): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${where} is ${value}`);
    return;
  }
  if (value === null || typeof value !== "object") return;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`${where} is an invalid Date`);
    return;
  }
  for (const [k, v] of Object.entries(value)) if (typeof v !== "function") assertFinite(v, `${where}.${k}`);
}

type Case = [name: string, template: unknown[], call: (args: unknown[]) => unknown, runs?: number];

const SUBS = [
  { customerId: "a", startedAt: 1_748_736_000_000 },
  { customerId: "b", startedAt: 1_748_736_000_000, endedAt: 1_768_435_200_000 },
  { customerId: "c", startedAt: 1_768_867_200_000 },
];
const TX = [
  { customerId: "a", at: 1_767_434_400_000, amount: 0.1 },
  { customerId: "a", at: 1_770_804_000_000, amount: 0.2 },
  { customerId: "b", at: 1_767_952_800_000, amount: 59.7 },
];
const TICKETS = [
  { createdAt: 1_795_424_400_000, firstResponseAt: 1_795_424_460_000, resolvedAt: 1_795_431_600_000 },
  { createdAt: 1_795_424_400_000, firstResponseAt: 1_795_424_640_000, resolvedAt: 1_795_510_800_000 },
];
const CALENDAR = { timeZone: "Europe/Budapest", weekly: { monday: [["09:00", "17:00"]] } };

/** The state of an accumulator after a JSON round trip restores to the same result, and merges. */
function roundTrip<A extends { toJSON(): unknown; result(): unknown }>(acc: A, restore: (state: never) => A): unknown {
  // Whatever was accepted leaves a state JSON keeps as it is (no Infinity turned into null)...
  assertFinite(acc.toJSON(), "state");
  const state = JSON.parse(JSON.stringify(acc.toJSON()));
  expect(state).toEqual(acc.toJSON());
  // ...which restores, and gives the same result (or the same refusal).
  const restored = restore(state as never);
  let result: unknown;
  try {
    result = acc.result();
  } catch (error) {
    expect(() => restored.result()).toThrow((error as Error).message);
    throw error;
  }
  expect(restored.result()).toEqual(result);
  return result;
}

const cases: Case[] = [
  ["nps(scores, weights)", [[10, 9, 3], { weights: [1, 2, 3], confidence: 0.95, decimals: 1 }], ([a, o]) => cx.nps(a as never, o as never)],
  ["nps(Float64Array)", [new Float64Array([10, 6, 8])], ([a]) => cx.nps(a as never)],
  ["nps(counts)", [{ promoters: 70, passives: 20, detractors: 10 }, { interval: "adjusted-wald", confidence: 0.9 }], ([a, o]) => cx.nps(a as never, o as never)],
  ["csat(ratings)", [[5, 4, 2], { scale: [1, 5], satisfiedFrom: 4, weights: [1, 1, 2], confidence: 0.95 }], ([a, o]) => cx.csat(a as never, o as never)],
  ["csat(counts)", [{ satisfied: 40, total: 50 }, { decimals: 2 }], ([a, o]) => cx.csat(a as never, o as never)],
  ["ces(ratings)", [[7, 5, 1], { scale: [1, 7], agreeFrom: 5, weights: [3, 2, 1] }], ([a, o]) => cx.ces(a as never, o as never)],
  ["ces(counts)", [{ agree: 40, total: 50 }], ([a]) => cx.ces(a as never)],
  [
    "compareNps(results)",
    [{ metric: "nps", promoters: 70, passives: 20, detractors: 10, effectiveSampleSize: 90 }, { promoters: 50, passives: 30, detractors: 20 }, { confidence: 0.95 }],
    ([a, b, o]) => cx.compareNps(a as never, b as never, o as never),
  ],
  ["compareNps(scores)", [[10, 9, 0], [3, 10]], ([a, b]) => cx.compareNps(a as never, b as never)],
  [
    "compareProportions(results)",
    [{ metric: "csat", satisfied: 40, total: 50, effectiveSampleSize: 45 }, { metric: "ces", agree: 20, total: 50, effectiveSampleSize: 50 }, { confidence: 0.9 }],
    ([a, b, o]) => cx.compareProportions(a as never, b as never, o as never),
  ],
  ["compareProportions(counts)", [{ successes: 420, total: 500 }, { successes: 380, total: 500 }], ([a, b]) => cx.compareProportions(a as never, b as never)],
  ["npsSampleSize", [{ marginOfError: 5, expectedPromoterPercent: 50, expectedDetractorPercent: 20, confidence: 0.95 }], ([a]) => cx.npsSampleSize(a as never)],
  ["proportionSampleSize", [{ marginOfError: 3, expectedPercent: 80, confidence: 0.95 }], ([a]) => cx.proportionSampleSize(a as never)],
  ["groupBy", [[1, 2, 3]], ([a]) => cx.groupBy(a as never, (x: number) => x % 2, (g) => cx.nps(g.map(() => 10)).score)],
  ["byPeriod", [[1_767_225_600_000, 1_769_904_000_000]], ([a]) => cx.byPeriod(a as never, { date: (x: number) => x, period: "month" }, (g) => g.length)],
  ["byPeriod(week, zone)", [[1_767_225_600_000, -1]], ([a]) => cx.byPeriod(a as never, { date: (x: number) => x, period: "week", timeZone: "America/New_York" }, (g) => g.length)],
  ["churnRate", [{ customersAtStart: 200, customersLost: 10 }, { decimals: 2 }], ([a, o]) => cx.churnRate(a as never, o as never)],
  ["retentionRate", [{ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 }], ([a]) => cx.retentionRate(a as never)],
  ["convertChurnRate", [5, 12], ([a, b]) => cx.convertChurnRate(a as never, b as never)],
  ["clv", [{ annualRevenuePerCustomer: 1200.5, relationshipYears: 2.5, acquisitionCost: 350 }], ([a]) => cx.clv(a as never)],
  [
    "clvFromChurn",
    [{ revenuePerPeriod: 100, churnRate: 20, grossMargin: 60, discountRate: 10, acquisitionCost: 50 }, { decimals: 2 }],
    ([a, o]) => cx.clvFromChurn(a as never, o as never),
  ],
  [
    "revenueChurn",
    [{ startingMrr: 100000, churnedMrr: 5000, contractionMrr: 2000, expansionMrr: 8000, reactivationMrr: 1000 }],
    ([a]) => cx.revenueChurn(a as never),
  ],
  [
    "churnFromSubscriptions",
    [SUBS, { periodStart: 1_767_225_600_000, periodEnd: 1_769_904_000_000 }],
    ([a, o]) => cx.churnFromSubscriptions(a as never, o as never),
  ],
  ["cohortRetention(month)", [SUBS, { period: "month", asOf: 1_773_532_800_000, decimals: 1 }], ([a, o]) => cx.cohortRetention(a as never, o as never)],
  // Each run may follow a cohort over half a million years through Intl: a handful of runs is enough.
  ["cohortRetention(year, zone)", [SUBS, { period: "year", asOf: 1_773_532_800_000, timeZone: "Asia/Tokyo" }], ([a, o]) => cx.cohortRetention(a as never, o as never), 10],
  ["repeatCustomerRate", [TX], ([a]) => cx.repeatCustomerRate(a as never)],
  ["purchaseFrequency", [TX], ([a]) => cx.purchaseFrequency(a as never)],
  ["historicalClv", [TX, { acquisitionCost: 10 }], ([a, o]) => cx.historicalClv(a as never, o as never)],
  ["firstResponseTime(tickets)", [TICKETS, { unit: "hours" }], ([a, o]) => cx.firstResponseTime(a as never, o as never)],
  ["firstResponseTime(business)", [TICKETS], ([a]) => cx.firstResponseTime(a as never, { businessHours: CALENDAR } as never)],
  ["firstResponseTime(totals)", [{ totalFirstResponseTime: 600, questions: 40 }], ([a]) => cx.firstResponseTime(a as never)],
  ["resolutionTime", [TICKETS, { decimals: 3 }], ([a, o]) => cx.resolutionTime(a as never, o as never)],
  ["firstContactResolutionRate(tickets)", [[{ resolved: true, agentReplies: 1 }, { resolved: true, agentReplies: 3 }]], ([a]) => cx.firstContactResolutionRate(a as never)],
  ["firstContactResolutionRate(counts)", [{ resolvedOnFirstContact: 70, resolved: 80 }, { decimals: 1 }], ([a, o]) => cx.firstContactResolutionRate(a as never, o as never)],
  ["reopenRate(tickets)", [[{ reopens: 0 }, { reopens: 2 }]], ([a]) => cx.reopenRate(a as never)],
  ["reopenRate(counts)", [{ reopened: 1, total: 3 }], ([a]) => cx.reopenRate(a as never)],
  ["businessDuration", [1_795_424_400_000, 1_796_029_200_000], ([a, b]) => cx.businessDuration(a as never, b as never, CALENDAR as never)],
  [
    "createNpsAccumulator",
    [[10, 9, 3], [1, 2, 3], 7, 1.5, { metric: "nps", promoters: 1, passives: 0, detractors: 1, sumOfSquares: 2, sumOfValues: 10 }],
    ([scores, weights, one, w, state]) => {
      const acc = cx.createNpsAccumulator(state as never).addAll(scores as never, weights as never).add(one as never, w as never);
      return roundTrip(acc, (s) => cx.createNpsAccumulator(s));
    },
  ],
  [
    "createCsatAccumulator",
    [{ scale: [1, 5], satisfiedFrom: 4, confidence: 0.9 }, [5, 4, 2], [2, 1, 1], 3, 0.5],
    ([o, ratings, weights, one, w]) => {
      const acc = cx.createCsatAccumulator(o as never).addAll(ratings as never, weights as never).add(one as never, w as never);
      return roundTrip(acc, (s) => cx.createCsatAccumulator(undefined, s));
    },
  ],
  [
    "createCesAccumulator",
    [{ scale: [1, 7], agreeFrom: 3, lowerIsEasier: true }, [1, 2, 7], [1, 1, 1], 5, 2],
    ([o, ratings, weights, one, w]) => {
      const acc = cx.createCesAccumulator(o as never).addAll(ratings as never, weights as never).add(one as never, w as never);
      return roundTrip(acc, (s) => cx.createCesAccumulator(undefined, s));
    },
  ],
  [
    "createResponseTimeAccumulator(exact)",
    [TICKETS, { unit: "hours", decimals: 2 }],
    ([tickets, o]) => {
      const acc = cx.createResponseTimeAccumulator(o as never).addAll(tickets as never);
      return roundTrip(acc, (s) => cx.createResponseTimeAccumulator(undefined, s));
    },
  ],
  [
    "createResponseTimeAccumulator(sketch)",
    [TICKETS, { mode: "sketch", relativeAccuracy: 0.01, measure: "resolutionTime" }],
    ([tickets, o]) => {
      const acc = cx.createResponseTimeAccumulator(o as never).addAll(tickets as never);
      return roundTrip(acc, (s) => cx.createResponseTimeAccumulator(undefined, s));
    },
  ],
];

describe("extreme doubles in every numeric field", () => {
  it("every calculator outside src/predictive is covered", () => {
    const covered = new Set(cases.map(([name]) => name.replace(/\(.*$/, "")));
    // The predictive family has its own extreme-doubles property test (test/predictive).
    const predictive =
      /bgNbd|BgNbd|bgBb|BgBb|paretoNbd|ParetoNbd|mbgNbd|MbgNbd|gammaGamma|GammaGamma|sbg|ShiftedBeta|rfmSummary|predictiveClv|calibrationHoldout|probabilityAliveMatrix|cumulativeTransactions/;
    const exported = Object.entries(cx)
      .filter(([name, v]) => typeof v === "function" && !/Schema$|Error$|^npsCategory$/.test(name) && !predictive.test(name))
      .map(([name]) => name);
    expect(exported.filter((name) => !covered.has(name) && name !== "isCxMetricsError")).toEqual([]);
  });

  it.each(cases)("%s: finite results or a CxMetricsError", (_name, template, call, runs) => {
    const paths = numericPaths(template);
    expect(paths.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: paths.length - 1 }), { minLength: 1, maxLength: Math.min(3, paths.length) }), fc.array(extreme, { minLength: 3, maxLength: 3 }), (which, values) => {
        const args = clone(template);
        for (const [i, p] of which.entries()) setAt(args, paths[p]!, values[i]!);
        let result: unknown;
        try {
          result = call(args);
        } catch (error) {
          if (!(error instanceof cx.CxMetricsError)) throw error;
          // An internal failure would have been wrapped with its cause: the input was readable, so nothing is.
          expect(error.cause, error.message).toBeUndefined();
          expect(["INVALID_INPUT", "OUT_OF_RANGE", "EMPTY_INPUT"]).toContain(error.code);
          return;
        }
        assertFinite(result, "result");
      }),
      { numRuns: runs === undefined ? RUNS : Math.min(runs, RUNS) },
    );
  });
});
