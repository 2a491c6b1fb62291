import { describe, expect, it } from "vitest";
import {
  churnFromSubscriptions,
  cohortRetention,
  convertChurnRate,
  historicalClv,
  purchaseFrequency,
  repeatCustomerRate,
  revenueChurn,
} from "../../src/index.js";
import { errorOf } from "./helpers.js";

const JAN = { periodStart: "2026-01-01T00:00:00Z", periodEnd: "2026-02-01T00:00:00Z" };
const DATE_EXPECTED = "expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds";

/** A Date that reads as `ms` once (when it is validated) and as an invalid Date on every later read. */
function fickleDate(ms: number): Date {
  let reads = 0;
  return new (class extends Date {
    override getTime(): number {
      return reads++ === 0 ? ms : Number.NaN;
    }
  })(ms);
}

describe("convertChurnRate over one period", () => {
  // 100 × (1 − (1 − r/100)^1) is r on paper, but log1p and expm1 do not round-trip exactly in doubles:
  // for these rates the compounding formula lands one ulp or more away from r.
  it.each([0.23, 0.39, 0.41, 0.45, 0.81])("returns %s exactly", (rate) => {
    expect(convertChurnRate(rate, 1)).toBe(rate);
  });

  it.each([1, 12, 1 / 12])("turns a rate of -0 into 0 over %s periods, never -0", (periods) => {
    expect(convertChurnRate(-0, periods)).toBe(0);
  });
});

describe("errors name the field at fault", () => {
  it("revenueChurn points a zero startingMrr at input.startingMrr", () => {
    const e = errorOf(() => revenueChurn({ startingMrr: 0, churnedMrr: 0 }));
    expect(e.code).toBe("EMPTY_INPUT");
    expect(e.issues[0]!.path).toEqual(["input", "startingMrr"]);
    expect(e.message).toBe("revenueChurn: input.startingMrr is 0: the churn of no revenue is undefined");
  });

  it("revenueChurn points a rate beyond the range of a number at that rate", () => {
    // net = 0 − 1e307 = −1e307, so netChurnRate = 100 × −1e307 / 0.001 = −1e312, past −1.8e308;
    // grossChurnRate (0) comes first and is finite, so netChurnRate is the field named.
    const e = errorOf(() => revenueChurn({ startingMrr: "0.001", churnedMrr: 0, expansionMrr: 1e307 }));
    expect(e.code).toBe("OUT_OF_RANGE");
    expect(e.issues[0]!.path).toEqual(["netChurnRate"]);
  });

  it.each([
    ["repeatCustomerRate", () => repeatCustomerRate([])],
    ["purchaseFrequency", () => purchaseFrequency([])],
    ["historicalClv", () => historicalClv([])],
  ])("%s points no transactions at transactions", (metric, run) => {
    const e = errorOf(run);
    expect(e.code).toBe("EMPTY_INPUT");
    expect(e.metric).toBe(metric);
    expect(e.issues[0]!.path).toEqual(["transactions"]);
    expect(e.message).toBe(`${metric}: transactions is empty: there are no customers`);
  });

  it("churnFromSubscriptions points no customer active at periodStart at subscriptions", () => {
    const e = errorOf(() => churnFromSubscriptions([{ customerId: 1, startedAt: "2026-01-10T00:00:00Z" }], JAN));
    expect(e.code).toBe("EMPTY_INPUT");
    expect(e.issues[0]!.path).toEqual(["subscriptions"]);
  });
});

describe("dates that change after validation", () => {
  // A Date subclass can answer getTime differently on every call: the error must still name the field, never let
  // an invalid instant through.
  it.each([
    ["periodStart", () => ({ periodStart: fickleDate(Date.UTC(2026, 0, 1)), periodEnd: JAN.periodEnd })],
    ["periodEnd", () => ({ periodStart: JAN.periodStart, periodEnd: fickleDate(Date.UTC(2026, 1, 1)) })],
  ] as const)("churnFromSubscriptions names period.%s", (field, period) => {
    const e = errorOf(() => churnFromSubscriptions([{ customerId: 1, startedAt: "2025-12-01T00:00:00Z" }], period()));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]!.path).toEqual(["period", field]);
    expect(e.message).toBe(`churnFromSubscriptions: period.${field} is an invalid Date, ${DATE_EXPECTED}`);
  });

  it("cohortRetention names options.asOf", () => {
    const e = errorOf(() => cohortRetention([{ customerId: 1, startedAt: "2026-01-05T00:00:00Z" }], { period: "month", asOf: fickleDate(Date.UTC(2026, 2, 1)) }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]!.path).toEqual(["options", "asOf"]);
    expect(e.message).toBe(`cohortRetention: options.asOf is an invalid Date, ${DATE_EXPECTED}`);
  });
});

describe("zero-length subscriptions", () => {
  it("churnFromSubscriptions counts a customer whose only earlier subscription opens and closes at periodStart as new, not reactivated", () => {
    // "b" is not active at periodStart (startedAt <= t < endedAt fails when both are periodStart) and no subscription
    // of b starts *before* periodStart, so b is new. at start: a; at end: a, b; 1 − 0 + 1 + 0 = 2.
    const r = churnFromSubscriptions(
      [
        { customerId: "a", startedAt: "2025-12-01T00:00:00Z" },
        { customerId: "b", startedAt: JAN.periodStart, endedAt: JAN.periodStart },
        { customerId: "b", startedAt: "2026-01-10T00:00:00Z" },
      ],
      JAN,
    );
    expect([r.customersAtStart, r.customersLost, r.customersAtEnd, r.newCustomers, r.reactivated]).toEqual([1, 0, 2, 1, 0]);
  });

  it("cohortRetention counts a subscription that opens and closes at the cohort's first instant in the size but never as active", () => {
    // Both customers join the 2026-01 cohort (size 2). At 2026-02-01 only customer 2 is active: 100 × 1 / 2 = 50.
    const { cohorts } = cohortRetention(
      [
        { customerId: 1, startedAt: "2026-01-01T00:00:00Z", endedAt: "2026-01-01T00:00:00Z" },
        { customerId: 2, startedAt: "2026-01-10T00:00:00Z" },
      ],
      { period: "month", asOf: "2026-02-15T00:00:00Z" },
    );
    expect(cohorts).toEqual([{ cohort: "2026-01", size: 2, retention: [100, 50] }]);
  });
});

describe("transaction epoch milliseconds at the edge of a Date's range", () => {
  // A Date holds at most ±8.64e15 ms; -8640000000000001 is an exact double one past the lower edge.
  const loops = [
    ["repeatCustomerRate", (at: number) => repeatCustomerRate([{ customerId: 1, at }])],
    ["purchaseFrequency", (at: number) => purchaseFrequency([{ customerId: 1, at }])],
    ["historicalClv", (at: number) => historicalClv([{ customerId: 1, at, amount: 1 }])],
  ] as const;

  it.each(loops)("%s refuses one millisecond before the earliest Date", (metric, run) => {
    const e = errorOf(() => run(-8640000000000001));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]!.path).toEqual(["transactions", 0, "at"]);
    expect(e.message).toBe(`${metric}: transactions[0].at is -8640000000000001, ${DATE_EXPECTED}`);
  });

  it.each(loops)("%s accepts the earliest and the latest Date", (_metric, run) => {
    expect(() => run(-8.64e15)).not.toThrow();
    expect(() => run(8.64e15)).not.toThrow();
  });
});
