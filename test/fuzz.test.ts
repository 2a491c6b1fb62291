// Every public function, fed arbitrary values and near misses: it returns a result whose every number is finite, or it
// throws a CxMetricsError. Anything else is a bug. Inputs are frozen, so a function that mutates them throws a
// TypeError here and fails.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as cx from "../src/index.js";

const RUNS = process.env.CI ? 10_000 : 1_000;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && "value" in descriptor) deepFreeze(descriptor.value);
    }
  }
  return value;
}

function assertFinite(value: unknown, path: string, seen = new Set<unknown>()): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return;
  }
  if (value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`${path} is an invalid Date`);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === "function") continue;
    if (v === undefined) throw new Error(`${path}.${key} is undefined`);
    assertFinite(v, `${path}.${key}`, seen);
  }
}

/** A getter that throws, a proxy that refuses every trap, a sparse array: inputs that break naive code. */
const hostile = fc.constantFrom(
  Object.defineProperty({}, "promoters", {
    get() {
      throw new Error("getter");
    },
    enumerable: true,
  }),
  new Proxy(
    {},
    {
      get() {
        throw new Error("proxy");
      },
      ownKeys() {
        throw new Error("proxy");
      },
    },
  ),
  // biome-ignore lint/suspicious/noSparseArray: a sparse array is the point of this input
  [1, , 3],
  { length: -1 },
  { length: 2 ** 53 },
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date(Number.NaN),
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -0,
  "10",
  "1e3",
  "2026-01-01T00:00:00Z",
);

const nearNumber = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 53, 1e308),
);
const nearArray = fc.oneof(fc.array(nearNumber, { maxLength: 12 }), fc.uint8Array({ maxLength: 12 }), fc.float64Array({ maxLength: 6 }));
const nearObject = fc.dictionary(
  fc.constantFrom(
    "promoters",
    "passives",
    "detractors",
    "satisfied",
    "agree",
    "total",
    "successes",
    "metric",
    "decimals",
    "confidence",
    "interval",
    "weights",
    "scale",
    "satisfiedFrom",
    "agreeFrom",
    "lowerIsEasier",
    "marginOfError",
    "expectedPercent",
    "expectedPromoterPercent",
    "expectedDetractorPercent",
    "period",
    "timeZone",
    "date",
    "annualRevenuePerCustomer",
    "relationshipYears",
    "acquisitionCost",
    "revenuePerPeriod",
    "churnRate",
    "grossMargin",
    "discountRate",
    "customersAtStart",
    "customersLost",
    "customersAtEnd",
    "newCustomers",
    "startingMrr",
    "churnedMrr",
    "expansionMrr",
    "customerId",
    "startedAt",
    "endedAt",
    "at",
    "amount",
    "periodStart",
    "periodEnd",
    "asOf",
    "frequency",
    "recency",
    "T",
    "weight",
    "monetaryValue",
    "r",
    "alpha",
    "a",
    "b",
    "p",
    "q",
    "v",
    "beta",
    "observationEnd",
    "calibrationEnd",
    "unit",
    "penalizer",
    "horizon",
    "steps",
    "margin",
    "bgNbd",
    "gammaGamma",
    "customer",
    "params",
    "createdAt",
    "firstResponseAt",
    "resolvedAt",
    "mode",
    "measure",
    "relativeAccuracy",
  ),
  fc.oneof(
    nearNumber,
    nearArray,
    fc.constantFrom("nps", "csat", "ces", "wald", "wilson", "adjusted-wald", "month", "UTC", true, null),
    fc.constantFrom("12.50", "-3.2", "1e3", "2026-01-01T00:00:00Z", "2025-06-01T00:00:00+02:00", "c1"),
  ),
  { maxKeys: 5 },
);
const anyInput = fc.oneof(fc.anything(), hostile, nearNumber, nearArray, nearObject, fc.array(nearObject, { maxLength: 5 }));

type Fuzzed = [name: string, call: (args: unknown[]) => unknown, arity: number];

/** Every public function with how to call it. Functions whose arguments are callbacks get arbitrary callbacks' results. */
const fuzzed: Fuzzed[] = [
  ["nps", ([a, b]) => cx.nps(a as never, b as never), 2],
  ["isCxMetricsError", ([a]) => cx.isCxMetricsError(a), 1],
  ["npsCategory", ([a]) => cx.npsCategory(a as never), 1],
  ["isCxMetricsError", ([a]) => cx.isCxMetricsError(a), 1],
  ["csat", ([a, b]) => cx.csat(a as never, b as never), 2],
  ["ces", ([a, b]) => cx.ces(a as never, b as never), 2],
  ["compareNps", ([a, b, c]) => cx.compareNps(a as never, b as never, c as never), 3],
  ["compareProportions", ([a, b, c]) => cx.compareProportions(a as never, b as never, c as never), 3],
  ["npsSampleSize", ([a]) => cx.npsSampleSize(a as never), 1],
  ["proportionSampleSize", ([a]) => cx.proportionSampleSize(a as never), 1],
  // The key is the caller's own value, echoed back: it is made a string so that only computed numbers are checked.
  ["groupBy", ([a, b]) => cx.groupBy(a as never, () => typeof b, (g) => g.length), 2],
  ["byPeriod", ([a, b, c]) => cx.byPeriod(a as never, { date: () => b as never, period: c as never }, (g) => g.length), 3],
  [
    "createNpsAccumulator",
    ([a, b, c]) => {
      const acc = cx.createNpsAccumulator(a as never);
      acc.addAll(b as never);
      acc.merge(c as never);
      return acc.result();
    },
    3,
  ],
  ["createCsatAccumulator", ([a, b, c]) => cx.createCsatAccumulator(a as never, b as never).add(c as never).result(), 3],
  ["clv", ([a, b]) => cx.clv(a as never, b as never), 2],
  ["clvFromChurn", ([a, b]) => cx.clvFromChurn(a as never, b as never), 2],
  ["churnRate", ([a, b]) => cx.churnRate(a as never, b as never), 2],
  ["retentionRate", ([a, b]) => cx.retentionRate(a as never, b as never), 2],
  ["revenueChurn", ([a, b]) => cx.revenueChurn(a as never, b as never), 2],
  ["convertChurnRate", ([a, b]) => cx.convertChurnRate(a as never, b as never), 2],
  ["churnFromSubscriptions", ([a, b, c]) => cx.churnFromSubscriptions(a as never, b as never, c as never), 3],
  ["cohortRetention", ([a, b]) => cx.cohortRetention(a as never, b as never), 2],
  ["repeatCustomerRate", ([a]) => cx.repeatCustomerRate(a as never), 1],
  ["purchaseFrequency", ([a]) => cx.purchaseFrequency(a as never), 1],
  ["historicalClv", ([a, b]) => cx.historicalClv(a as never, b as never), 2],
  ["rfmSummary", ([a, b]) => cx.rfmSummary(a as never, b as never), 2],
  ["fitBgNbd", ([a, b]) => cx.fitBgNbd(a as never, b as never), 2],
  ["bgNbdExpectedPurchases", ([a, b]) => cx.bgNbdExpectedPurchases(a as never, b as never), 2],
  ["bgNbdConditionalExpectedPurchases", ([a, b, c]) => cx.bgNbdConditionalExpectedPurchases(a as never, b as never, c as never), 3],
  ["bgNbdProbabilityAlive", ([a, b]) => cx.bgNbdProbabilityAlive(a as never, b as never), 2],
  ["fitGammaGamma", ([a, b]) => cx.fitGammaGamma(a as never, b as never), 2],
  ["gammaGammaExpectedSpend", ([a, b]) => cx.gammaGammaExpectedSpend(a as never, b as never), 2],
  ["bgNbdPurchaseCountProbability", ([a, b, c]) => cx.bgNbdPurchaseCountProbability(a as never, b as never, c as never), 3],
  ["fitParetoNbd", ([a, b]) => cx.fitParetoNbd(a as never, b as never), 2],
  ["paretoNbdExpectedPurchases", ([a, b]) => cx.paretoNbdExpectedPurchases(a as never, b as never), 2],
  ["paretoNbdConditionalExpectedPurchases", ([a, b, c]) => cx.paretoNbdConditionalExpectedPurchases(a as never, b as never, c as never), 3],
  ["paretoNbdProbabilityAlive", ([a, b]) => cx.paretoNbdProbabilityAlive(a as never, b as never), 2],
  ["fitMbgNbd", ([a, b]) => cx.fitMbgNbd(a as never, b as never), 2],
  ["mbgNbdExpectedPurchases", ([a, b]) => cx.mbgNbdExpectedPurchases(a as never, b as never), 2],
  ["mbgNbdConditionalExpectedPurchases", ([a, b, c]) => cx.mbgNbdConditionalExpectedPurchases(a as never, b as never, c as never), 3],
  ["mbgNbdProbabilityAlive", ([a, b]) => cx.mbgNbdProbabilityAlive(a as never, b as never), 2],
  ["fitBgBb", ([a, b]) => cx.fitBgBb(a as never, b as never), 2],
  ["bgBbExpectedPurchases", ([a, b]) => cx.bgBbExpectedPurchases(a as never, b as never), 2],
  ["bgBbConditionalExpectedPurchases", ([a, b, c]) => cx.bgBbConditionalExpectedPurchases(a as never, b as never, c as never), 3],
  ["bgBbProbabilityAlive", ([a, b]) => cx.bgBbProbabilityAlive(a as never, b as never), 2],
  ["calibrationHoldout", ([a, b, c]) => cx.calibrationHoldout(a as never, b as never, c as never), 3],
  ["probabilityAliveMatrix", ([a, b]) => cx.probabilityAliveMatrix(a as never, b as never), 2],
  ["cumulativeTransactions", ([a, b, c]) => cx.cumulativeTransactions(a as never, b as never, c as never), 3],
  ["fitShiftedBetaGeometric", ([a, b]) => cx.fitShiftedBetaGeometric(a as never, b as never), 2],
  ["sbgSurvival", ([a, b]) => cx.sbgSurvival(a as never, b as never), 2],
  ["sbgRetentionRate", ([a, b]) => cx.sbgRetentionRate(a as never, b as never), 2],
  ["predictiveClv", ([a]) => cx.predictiveClv(a as never), 1],
  ["predictiveClvBootstrap", ([a, b]) => cx.predictiveClvBootstrap(a as never, b as never), 2],
  [
    "createResponseTimeAccumulator",
    ([a, b, c]) => {
      const acc = cx.createResponseTimeAccumulator(a as never);
      acc.addAll(b as never);
      acc.add(c as never);
      return acc.result();
    },
    3,
  ],
  ["createCesAccumulator", ([a, b, c]) => cx.createCesAccumulator(a as never, b as never).add(c as never).result(), 3],
  ["firstResponseTime", ([a, b]) => cx.firstResponseTime(a as never, b as never), 2],
  ["resolutionTime", ([a, b]) => cx.resolutionTime(a as never, b as never), 2],
  ["firstContactResolutionRate", ([a, b]) => cx.firstContactResolutionRate(a as never, b as never), 2],
  ["reopenRate", ([a, b]) => cx.reopenRate(a as never, b as never), 2],
  ["businessDuration", ([a, b, c]) => cx.businessDuration(a as never, b as never, c as never), 3],
];

describe("fuzzing every public function", () => {
  it("covers every exported function", () => {
    const exported = Object.entries(cx)
      .filter(([, v]) => typeof v === "function" && v !== cx.CxMetricsError)
      .map(([k]) => k);
    expect(exported.filter((name) => !fuzzed.some(([n]) => n === name))).toEqual([]);
  });

  it.each(fuzzed)("%s returns finite numbers or throws a CxMetricsError", (_name, call, arity) => {
    fc.assert(
      fc.property(fc.array(anyInput, { minLength: arity, maxLength: arity }), (args) => {
        for (const a of args) {
          try {
            deepFreeze(a);
          } catch {
            // A proxy that refuses every trap cannot be frozen; it is passed as it is.
          }
        }
        let result: unknown;
        try {
          result = call(args);
        } catch (error) {
          if (error instanceof cx.CxMetricsError) {
            expect(error.message.length).toBeGreaterThan(0);
            expect(error.issues.length).toBeGreaterThan(0);
            return;
          }
          throw error;
        }
        assertFinite(result, "result");
      }),
      { numRuns: RUNS },
    );
  });
});
