// Results never share mutable state with inputs, and calls never share it with each other: a caller may edit a result
// (or an input after the call) without changing any other value. Typed arrays cannot be frozen, so the fuzz tests'
// frozen inputs do not cover them: here every input, typed arrays included, is compared with a copy taken before the call.
import { describe, expect, it } from "vitest";
import * as cx from "../src/index.js";
import { mulberry32, simulateCustomers } from "./predictive/simulate.js";

/** Every object reachable from a value (arrays, typed arrays, plain objects, dates). */
function reachable(value: unknown, into = new Set<object>()): Set<object> {
  if (value === null || typeof value !== "object" || into.has(value)) return into;
  into.add(value);
  if (ArrayBuffer.isView(value)) return into;
  for (const v of Object.values(value)) reachable(v, into);
  return into;
}

/** Overwrites every number, string and boolean reachable from a value, so that shared state would show. */
function scribble(value: unknown, seen = new Set<object>()): void {
  if (value === null || typeof value !== "object" || seen.has(value) || Object.isFrozen(value)) return;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (value instanceof Float64Array || value instanceof Uint8Array) value.fill(0);
    return;
  }
  for (const key of Object.keys(value)) {
    const record = value as Record<string, unknown>;
    const v = record[key];
    if (typeof v === "number") record[key] = -12345;
    else if (typeof v === "string") record[key] = "scribbled";
    else if (typeof v === "boolean") record[key] = !v;
    else scribble(v, seen);
  }
}

const SUBSCRIPTIONS = [
  { customerId: "a", startedAt: "2025-06-01T00:00:00Z" },
  { customerId: "b", startedAt: "2025-06-01T00:00:00Z", endedAt: "2026-01-15T00:00:00Z" },
  { customerId: "c", startedAt: "2026-01-20T00:00:00Z" },
];
const TRANSACTIONS = [
  { customerId: "a", at: "2026-01-03T10:00:00Z", amount: 0.1 },
  { customerId: "a", at: "2026-02-11T10:00:00Z", amount: "0.20" },
  { customerId: "b", at: "2026-01-09T10:00:00Z", amount: 59.7 },
];
const TICKETS = [
  { createdAt: "2026-11-23T09:00:00Z", firstResponseAt: "2026-11-23T09:04:00Z", resolvedAt: "2026-11-23T11:00:00Z" },
  { createdAt: 1_795_424_400_000, firstResponseAt: 1_795_424_520_000, resolvedAt: null },
  { createdAt: new Date("2026-11-23T12:00:00Z"), firstResponseAt: null },
];
const CALENDAR = {
  timeZone: "Europe/Budapest",
  weekly: { monday: [["09:00", "17:00"]], tuesday: [["09:00", "12:00"], ["13:00", "17:00"]] },
  holidays: ["2026-11-24"],
};
const BG_NBD = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const GAMMA_GAMMA = { p: 6.2488, q: 3.7446, v: 15.4477 };
const CUSTOMER = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
const BG_ROWS = [
  { frequency: 0, recency: 0, T: 30, weight: 60 },
  { frequency: 1, recency: 5, T: 30, weight: 20 },
  { frequency: 1, recency: 25, T: 30, weight: 10 },
  { frequency: 2, recency: 10, T: 30, weight: 8 },
  { frequency: 3, recency: 27, T: 30, weight: 6 },
  { frequency: 6, recency: 29, T: 30, weight: 4 },
  { frequency: 4, recency: 12, T: 30, weight: 3 },
];

type Case = [name: string, args: () => unknown[], call: (args: unknown[]) => unknown];

// Each case builds fresh arguments, so the cases cannot disturb one another.
const cases: Case[] = [
  ["isCxMetricsError", () => [new Error("x")], ([a]) => ({ metric: "isCxMetricsError", value: cx.isCxMetricsError(a) })],
  ["nps (array, weights, options)", () => [[10, 9, 6, 7], { weights: [1, 2, 1, 0.5], decimals: 1 }], ([a, o]) => cx.nps(a as never, o as never)],
  ["nps (Uint8Array)", () => [Uint8Array.of(10, 9, 6, 7, 0)], ([a]) => cx.nps(a as never)],
  ["nps (counts)", () => [{ promoters: 70, passives: 20, detractors: 10 }, { interval: "adjusted-wald" }], ([a, o]) => cx.nps(a as never, o as never)],
  ["npsCategory", () => [6], ([a]) => cx.npsCategory(a as never)],
  ["isCxMetricsError", () => [new Error("not ours")], ([a]) => cx.isCxMetricsError(a)],
  ["csat (scale option)", () => [[1, 2, 3, 3], { scale: [1, 3], confidence: 0.9 }], ([a, o]) => cx.csat(a as never, o as never)],
  ["csat (Float64Array)", () => [Float64Array.of(5, 4, 2)], ([a]) => cx.csat(a as never)],
  ["ces (counts)", () => [{ agree: 30, total: 48 }, { scale: [1, 7] }], ([a, o]) => cx.ces(a as never, o as never)],
  ["ces (lowerIsEasier)", () => [[1, 2, 5, 4], { lowerIsEasier: true }], ([a, o]) => cx.ces(a as never, o as never)],
  [
    "compareNps",
    () => [{ promoters: 70, passives: 20, detractors: 10 }, cx.nps([10, 9, 3, 8]), { confidence: 0.9 }],
    ([a, b, o]) => cx.compareNps(a as never, b as never, o as never),
  ],
  [
    "compareProportions",
    () => [{ successes: 420, total: 500 }, cx.csat([5, 4, 1]), {}],
    ([a, b, o]) => cx.compareProportions(a as never, b as never, o as never),
  ],
  ["npsSampleSize", () => [{ marginOfError: 5, expectedPromoterPercent: 50, expectedDetractorPercent: 20 }], ([a]) => cx.npsSampleSize(a as never)],
  ["proportionSampleSize", () => [{ marginOfError: 3, expectedPercent: 80 }], ([a]) => cx.proportionSampleSize(a as never)],
  [
    "groupBy",
    () => [[{ channel: "chat", score: 10 }, { channel: "email", score: 3 }, { channel: "chat", score: 8 }]],
    ([rows]) => cx.groupBy(rows as { channel: string; score: number }[], (r) => r.channel, (g) => cx.nps(g.map((r) => r.score))),
  ],
  [
    "byPeriod",
    () => [[{ at: "2026-01-30T10:00:00Z", rating: 5 }, { at: "2026-02-02T10:00:00Z", rating: 2 }]],
    ([rows]) =>
      cx.byPeriod(rows as { at: string; rating: number }[], { date: (r) => r.at, period: "week", timeZone: "Asia/Tokyo" }, (g) =>
        cx.csat(g.map((r) => r.rating)),
      ),
  ],
  [
    "createNpsAccumulator",
    () => [cx.createNpsAccumulator().addAll([10, 9]).toJSON(), [10, 9, 6], cx.createNpsAccumulator().addAll([8, 3]).toJSON()],
    ([state, a, s]) => {
      const acc = cx.createNpsAccumulator(state as never).addAll(a as never);
      acc.merge(s as never);
      return [acc.result(), acc.toJSON()];
    },
  ],
  [
    "createCsatAccumulator",
    () => [{ scale: [1, 7] }, Uint8Array.of(7, 6, 2), cx.createCsatAccumulator({ scale: [1, 7] }).add(3).toJSON()],
    ([o, a, state]) => {
      const acc = cx.createCsatAccumulator(o as never, state as never).addAll(a as never);
      return [acc.result(), acc.toJSON()];
    },
  ],
  [
    "createCesAccumulator",
    () => [{ lowerIsEasier: true }, [1, 2, 5]],
    ([o, a]) => {
      const acc = cx.createCesAccumulator(o as never).addAll(a as never);
      return [acc.result(), acc.toJSON()];
    },
  ],
  [
    "createResponseTimeAccumulator (exact)",
    () => [{ unit: "minutes" }, TICKETS.map((t) => ({ ...t }))],
    ([o, t]) => {
      const acc = cx.createResponseTimeAccumulator(o as never).addAll(t as never);
      return [acc.result(), acc.toJSON()];
    },
  ],
  [
    "createResponseTimeAccumulator (sketch)",
    () => [{ mode: "sketch", measure: "resolutionTime" }, TICKETS.map((t) => ({ ...t }))],
    ([o, t]) => {
      const acc = cx.createResponseTimeAccumulator(o as never).addAll(t as never);
      return [acc.result(), acc.toJSON()];
    },
  ],
  ["clv", () => [{ annualRevenuePerCustomer: "1200.50", relationshipYears: 2.5, acquisitionCost: 350 }, { decimals: 2 }], ([a, o]) => cx.clv(a as never, o as never)],
  [
    "clvFromChurn",
    () => [{ revenuePerPeriod: 100, churnRate: 20, grossMargin: 60, discountRate: 10, acquisitionCost: 50 }],
    ([a]) => cx.clvFromChurn(a as never),
  ],
  ["churnRate", () => [{ customersAtStart: 200, customersLost: 10 }, { decimals: 1 }], ([a, o]) => cx.churnRate(a as never, o as never)],
  ["retentionRate", () => [{ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 }], ([a]) => cx.retentionRate(a as never)],
  [
    "revenueChurn",
    () => [{ startingMrr: 100000, churnedMrr: 5000, contractionMrr: 2000, expansionMrr: 8000, reactivationMrr: 1000 }],
    ([a]) => cx.revenueChurn(a as never),
  ],
  ["convertChurnRate", () => [5, 12], ([a, b]) => cx.convertChurnRate(a as never, b as never)],
  [
    "churnFromSubscriptions",
    () => [structuredClone(SUBSCRIPTIONS), { periodStart: "2026-01-01T00:00:00Z", periodEnd: "2026-02-01T00:00:00Z" }],
    ([s, p]) => cx.churnFromSubscriptions(s as never, p as never),
  ],
  [
    "cohortRetention",
    () => [structuredClone(SUBSCRIPTIONS), { period: "month", asOf: "2026-03-15T00:00:00Z" }],
    ([s, o]) => cx.cohortRetention(s as never, o as never),
  ],
  ["repeatCustomerRate", () => [structuredClone(TRANSACTIONS)], ([t]) => cx.repeatCustomerRate(t as never)],
  ["purchaseFrequency", () => [structuredClone(TRANSACTIONS)], ([t]) => cx.purchaseFrequency(t as never)],
  ["historicalClv", () => [structuredClone(TRANSACTIONS), { acquisitionCost: 10 }], ([t, o]) => cx.historicalClv(t as never, o as never)],
  [
    "rfmSummary",
    () => [structuredClone(TRANSACTIONS), { observationEnd: "2026-03-01T00:00:00Z", unit: "week" }],
    ([t, o]) => cx.rfmSummary(t as never, o as never),
  ],
  ["fitBgNbd", () => [structuredClone(BG_ROWS)], ([rows]) => cx.fitBgNbd(rows as never)],
  ["bgNbdExpectedPurchases", () => [{ ...BG_NBD }, 39], ([p, t]) => cx.bgNbdExpectedPurchases(p as never, t as never)],
  [
    "bgNbdConditionalExpectedPurchases",
    () => [{ ...BG_NBD }, { ...CUSTOMER }, 39],
    ([p, c, t]) => cx.bgNbdConditionalExpectedPurchases(p as never, c as never, t as never),
  ],
  ["bgNbdProbabilityAlive", () => [{ ...BG_NBD }, { ...CUSTOMER }], ([p, c]) => cx.bgNbdProbabilityAlive(p as never, c as never)],
  [
    "fitGammaGamma",
    () => [Array.from({ length: 40 }, (_, i) => ({ frequency: 1 + ((i + 1) % 5), monetaryValue: 10 + (((i + 1) * 37) % 50) }))],
    ([rows]) => cx.fitGammaGamma(rows as never),
  ],
  ["gammaGammaExpectedSpend", () => [{ ...GAMMA_GAMMA }, { ...CUSTOMER }], ([p, c]) => cx.gammaGammaExpectedSpend(p as never, c as never)],
  ["bgNbdPurchaseCountProbability", () => [{ ...BG_NBD }, 39, 2], ([p, t, k]) => cx.bgNbdPurchaseCountProbability(p as never, t as never, k as never)],
  ["fitParetoNbd", () => [structuredClone(BG_ROWS)], ([rows]) => cx.fitParetoNbd(rows as never)],
  ["paretoNbdExpectedPurchases", () => [{ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, 39], ([p, t]) => cx.paretoNbdExpectedPurchases(p as never, t as never)],
  [
    "paretoNbdConditionalExpectedPurchases",
    () => [{ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, { ...CUSTOMER }, 39],
    ([p, c, t]) => cx.paretoNbdConditionalExpectedPurchases(p as never, c as never, t as never),
  ],
  ["paretoNbdProbabilityAlive", () => [{ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, { ...CUSTOMER }], ([p, c]) => cx.paretoNbdProbabilityAlive(p as never, c as never)],
  ["fitMbgNbd", () => [structuredClone(BG_ROWS)], ([rows]) => cx.fitMbgNbd(rows as never)],
  ["mbgNbdExpectedPurchases", () => [{ ...BG_NBD }, 39], ([p, t]) => cx.mbgNbdExpectedPurchases(p as never, t as never)],
  [
    "mbgNbdConditionalExpectedPurchases",
    () => [{ ...BG_NBD }, { ...CUSTOMER }, 39],
    ([p, c, t]) => cx.mbgNbdConditionalExpectedPurchases(p as never, c as never, t as never),
  ],
  ["mbgNbdProbabilityAlive", () => [{ ...BG_NBD }, { ...CUSTOMER }], ([p, c]) => cx.mbgNbdProbabilityAlive(p as never, c as never)],
  [
    "fitBgBb",
    () => [
      [
        { frequency: 0, recency: 0, n: 6, weight: 350 },
        { frequency: 1, recency: 1, n: 6, weight: 110 },
        { frequency: 2, recency: 3, n: 6, weight: 60 },
        { frequency: 3, recency: 6, n: 6, weight: 50 },
        { frequency: 6, recency: 6, n: 6, weight: 120 },
      ],
    ],
    ([rows]) => cx.fitBgBb(rows as never),
  ],
  ["bgBbExpectedPurchases", () => [{ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, 6], ([p, n]) => cx.bgBbExpectedPurchases(p as never, n as never)],
  [
    "bgBbConditionalExpectedPurchases",
    () => [{ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, { frequency: 3, recency: 5, n: 6 }, 5],
    ([p, c, m]) => cx.bgBbConditionalExpectedPurchases(p as never, c as never, m as never),
  ],
  ["bgBbProbabilityAlive", () => [{ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, { frequency: 3, recency: 5, n: 6 }], ([p, c]) => cx.bgBbProbabilityAlive(p as never, c as never)],
  [
    "calibrationHoldout",
    () => [{ metric: "fitBgNbd", params: { ...BG_NBD } }, [{ ...CUSTOMER, holdoutFrequency: 1 }], { holdout: 39 }],
    ([f, c, o]) => cx.calibrationHoldout(f as never, c as never, o as never),
  ],
  ["probabilityAliveMatrix", () => [{ metric: "fitBgNbd", params: { ...BG_NBD } }, { T: 39 }], ([f, o]) => cx.probabilityAliveMatrix(f as never, o as never)],
  [
    "cumulativeTransactions",
    () => [
      { metric: "fitBgNbd", params: { ...BG_NBD } },
      [
        { customerId: "a", at: "2026-01-01T10:00:00Z" },
        { customerId: "a", at: "2026-01-05T10:00:00Z" },
      ],
      { observationEnd: "2026-01-07T00:00:00Z", unit: "week" },
    ],
    ([f, t, o]) => cx.cumulativeTransactions(f as never, t as never, o as never),
  ],
  ["fitShiftedBetaGeometric", () => [[1000, 631, 468, 382, 326, 289, 262, 241]], ([s]) => cx.fitShiftedBetaGeometric(s as never)],
  ["sbgSurvival", () => [{ alpha: 0.704, beta: 1.182 }, 7], ([p, t]) => cx.sbgSurvival(p as never, t as never)],
  ["sbgRetentionRate", () => [{ alpha: 0.704, beta: 1.182 }, 8], ([p, t]) => cx.sbgRetentionRate(p as never, t as never)],
  [
    "predictiveClv",
    () => [{ bgNbd: { ...BG_NBD }, gammaGamma: { ...GAMMA_GAMMA }, customer: { ...CUSTOMER }, horizon: 52, steps: 12, discountRate: 0.01, margin: 0.3 }],
    ([a]) => cx.predictiveClv(a as never),
  ],
  [
    "predictiveClvBootstrap",
    () => [simulateCustomers(mulberry32(11), 150, { r: 0.8, alpha: 4, a: 1.5, b: 5 }, { p: 6, q: 4, v: 15 }, 26, 52), { horizon: 52, replicates: 2, bgNbd: {} }],
    ([c, o]) => cx.predictiveClvBootstrap(c as never, o as never),
  ],
  [
    "firstResponseTime (tickets, business hours)",
    () => [TICKETS.map((t) => ({ ...t })), { unit: "minutes", businessHours: structuredClone(CALENDAR) }],
    ([t, o]) => cx.firstResponseTime(t as never, o as never),
  ],
  ["firstResponseTime (totals)", () => [{ totalFirstResponseTime: 600, questions: 4 }], ([t]) => cx.firstResponseTime(t as never)],
  ["resolutionTime", () => [TICKETS.map((t) => ({ ...t })), { unit: "hours" }], ([t, o]) => cx.resolutionTime(t as never, o as never)],
  [
    "firstContactResolutionRate",
    () => [[{ resolved: true, agentReplies: 1 }, { resolved: true, agentReplies: 3 }, { resolved: false, agentReplies: 1 }]],
    ([t]) => cx.firstContactResolutionRate(t as never),
  ],
  ["reopenRate", () => [[{ reopens: 0 }, { reopens: 2 }, { reopens: 1 }], { decimals: 2 }], ([t, o]) => cx.reopenRate(t as never, o as never)],
  [
    "businessDuration",
    () => ["2026-11-23T16:00:00+01:00", new Date("2026-11-25T10:00:00+01:00"), structuredClone(CALENDAR)],
    ([a, b, c]) => cx.businessDuration(a as never, b as never, c as never),
  ],
];

describe("results and inputs share no mutable state", () => {
  it("every public function has a case here", () => {
    const exported = Object.entries(cx)
      .filter(([, v]) => typeof v === "function" && v !== cx.CxMetricsError)
      .map(([k]) => k);
    expect(exported.filter((name) => !cases.some(([n]) => n.split(" ")[0] === name))).toEqual([]);
  });

  it("the check finds an input echoed back inside a result", () => {
    const options = { scale: [1, 5] };
    const echo = (o: typeof options) => ({ metric: "echo", nested: { scale: o.scale } });
    const fromInputs = reachable([options]);
    expect([...reachable(echo(options))].filter((o) => fromInputs.has(o))).toEqual([options.scale]);
  });

  it.each(cases)("%s leaves its inputs as they were and returns objects of its own", (_name, args, call) => {
    const inputs = args();
    const before = structuredClone(inputs);
    const result = call(inputs);
    expect(inputs).toEqual(before);

    const fromInputs = reachable(inputs);
    const shared = [...reachable(result)].filter((o) => fromInputs.has(o));
    expect(shared).toEqual([]);
  });

  it.each(cases)("%s gives the same result after the caller edits an earlier result and its inputs", (_name, args, call) => {
    const first = call(args());
    const expected = structuredClone(first);
    const inputs = args();
    scribble(call(inputs));
    scribble(inputs);
    expect(call(args())).toEqual(expected);
  });
});
