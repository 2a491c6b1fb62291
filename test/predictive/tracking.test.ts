import { describe, expect, it } from "vitest";
import {
  bgNbdExpectedPurchases,
  cumulativeTransactions,
  mbgNbdExpectedPurchases,
  paretoNbdExpectedPurchases,
} from "../../src/index.js";
import { cdnowTransactions, isoOf } from "./cdnow.js";
import { expectRelative, thrown } from "./helpers.js";

const BG = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const FIT = { metric: "fitBgNbd" as const, params: BG };
const END = "1998-06-30T00:00:00Z";

/** Days since 1970-01-01 of a `YYYYMMDD` date, by Date.UTC: independent of the library's calendar code. */
const dayOf = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6))) / 86_400_000;

describe("cumulativeTransactions", () => {
  const raw = cdnowTransactions();
  const transactions = raw.map((t) => ({ customerId: t.customerId, at: isoOf(t.date), amount: t.amount }));
  // lifetimes' expected_cumulative_transactions, customer by customer: actual counts each customer's purchase days
  // after the first, predicted sums E[X(age)] over every customer born before the row's end.
  const purchaseDays = new Map<string, Set<number>>();
  for (const t of raw) {
    let days = purchaseDays.get(t.customerId);
    if (days === undefined) purchaseDays.set(t.customerId, (days = new Set()));
    days.add(dayOf(t.date));
  }
  const customers = [...purchaseDays.values()].map((days) => ({ first: Math.min(...days), days: [...days] }));
  const d0 = Math.min(...customers.map((c) => c.first));
  const oracle = (i: number, expected: (t: number) => number, unitDays: number) => ({
    actual: customers.reduce((s, c) => s + c.days.filter((d) => d !== c.first && d < d0 + i).length, 0),
    predicted: customers.reduce((s, c) => (c.first < d0 + i ? s + expected((d0 + i - c.first) / unitDays) : s), 0),
  });
  const daily = cumulativeTransactions(FIT, transactions, { observationEnd: END, unit: "week" });

  it("has one row per day from CDNOW's first purchase day, 1997-01-01, through the observation end", () => {
    expect(daily).toHaveLength(546);
    expect(daily[0]).toMatchObject({ period: 0, date: "1997-01-01" });
    expect(daily[545]).toMatchObject({ period: 545, date: "1998-06-30" });
  });

  it("matches lifetimes' formula computed customer by customer on CDNOW", () => {
    for (const i of [1, 2, 7, 31, 90, 273, 400, 546]) {
      const want = oracle(i, (t) => bgNbdExpectedPurchases(BG, t), 7);
      expect(daily[i - 1]!.actual).toBe(want.actual);
      expectRelative(daily[i - 1]!.predicted, want.predicted, 1e-12);
    }
  });

  it("agrees with hand counts and scipy values on CDNOW", () => {
    // 18 customers first bought on 1997-01-01; E[X(1/7)] = 0.007814023268923493 (scipy's hyp2f1 in eq. 9)
    expectRelative(daily[0]!.predicted, 18 * 0.007814023268923493, 1e-12);
    expect(daily[0]!.actual).toBe(0);
    // awk over CDNOW_sample.txt: distinct (customer, date) pairs through the day, minus one first day per customer
    expect(daily[6]!.actual).toBe(0);
    expect(daily[30]!.actual).toBe(92);
    // the same sums in Python (scipy.special.hyp2f1, customer by customer)
    expectRelative(daily[30]!.predicted, 84.81744685789918, 1e-10);
    expect(daily[272]!.actual).toBe(2457);
    expectRelative(daily[272]!.predicted, 2501.6147381845058, 1e-10);
    expect(daily[545]!.actual).toBe(4339);
    expectRelative(daily[545]!.predicted, 4165.806054578266, 1e-10);
  });

  it("with step 7 gives every seventh daily row (lifetimes' freq_multiplier 7)", () => {
    const weekly = cumulativeTransactions(FIT, transactions, { observationEnd: END, unit: "week", step: 7 });
    expect(weekly).toHaveLength(78);
    weekly.forEach((row, k) => {
      const day = daily[7 * (k + 1) - 1]!;
      expect(row).toEqual({ period: k, date: day.date, actual: day.actual, predicted: day.predicted });
    });
  });

  it("reads the fit's model: MBG/NBD and Pareto/NBD use their own E[X(t)], in days with unit 'day'", () => {
    const mbg = { r: 0.5, alpha: 30, a: 0.8, b: 2.5 };
    const pareto = { r: 0.55, alpha: 74, s: 0.6, beta: 82 };
    const rowsM = cumulativeTransactions({ metric: "fitMbgNbd", params: mbg }, transactions, { observationEnd: END, step: 91 });
    const rowsP = cumulativeTransactions({ metric: "fitParetoNbd", params: pareto }, transactions, { observationEnd: END, step: 91 });
    expect(rowsM).toHaveLength(6);
    rowsM.forEach((row, k) => {
      expectRelative(row.predicted, oracle(91 * (k + 1), (t) => mbgNbdExpectedPurchases(mbg, t), 1).predicted, 1e-12);
    });
    rowsP.forEach((row, k) => {
      expectRelative(row.predicted, oracle(91 * (k + 1), (t) => paretoNbdExpectedPurchases(pareto, t), 1).predicted, 1e-12);
    });
  });

  it("groups purchases by local day in the time zone and ignores purchases after the observation end", () => {
    const log = [
      { customerId: 1, at: "2026-03-01T23:30:00Z" }, // 2026-03-02 in Tokyo
      { customerId: 1, at: "2026-03-02T01:00:00Z" }, // the same Tokyo day: no repeat
      { customerId: 1, at: "2026-03-03T01:00:00Z" },
      { customerId: "x", at: "2026-03-02T02:00:00Z" },
      { customerId: 1, at: "2026-03-09T01:00:00Z" }, // after the end
    ];
    const rows = cumulativeTransactions(FIT, log, { observationEnd: "2026-03-04T00:00:00Z", timeZone: "Asia/Tokyo" });
    expect(rows.map((r) => [r.date, r.actual])).toEqual([
      ["2026-03-02", 0],
      ["2026-03-03", 1],
      ["2026-03-04", 1],
    ]);
    expectRelative(rows[0]!.predicted, 2 * bgNbdExpectedPurchases(BG, 1), 1e-12);
  });

  it("returns no rows when the span is shorter than a step", () => {
    expect(cumulativeTransactions(FIT, [{ customerId: 1, at: "2026-03-01T00:00:00Z" }], { observationEnd: "2026-03-03T00:00:00Z", step: 7 })).toEqual([]);
  });

  it("refuses no purchases on or before the end with EMPTY_INPUT", () => {
    const error = thrown(() => cumulativeTransactions(FIT, [{ customerId: 1, at: "2026-03-05T00:00:00Z" }], { observationEnd: "2026-03-03T00:00:00Z" }));
    expect(error.code).toBe("EMPTY_INPUT");
    expect(error.message).toBe("cumulativeTransactions: transactions has no purchase on or before observationEnd");
  });

  it("refuses more than CUMULATIVE_TRANSACTIONS_MAX_DAYS days with OUT_OF_RANGE", () => {
    const error = thrown(() =>
      cumulativeTransactions(FIT, [{ customerId: 1, at: "1900-01-01T00:00:00Z" }], { observationEnd: "2026-03-03T00:00:00Z" }),
    );
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe(
      'cumulativeTransactions: options.observationEnd is "2026-03-03T00:00:00Z", expected at most 36525 days from the first purchase day (1900-01-01)',
    );
  });

  it.each([
    ["a fit of another model", { metric: "fitGammaGamma", params: {} }, [], { observationEnd: END }, 'cumulativeTransactions: fit.metric is "fitGammaGamma", expected "fitBgNbd", "fitMbgNbd" or "fitParetoNbd"'],
    ["missing options", FIT, [], undefined, "cumulativeTransactions: options is missing, expected an object with observationEnd"],
    ["a step of 0", FIT, [], { observationEnd: END, step: 0 }, "cumulativeTransactions: options.step is 0, expected an integer in [1, 36525]"],
    ["an unknown unit", FIT, [], { observationEnd: END, unit: "month" }, 'cumulativeTransactions: options.unit is "month", expected "day" or "week"'],
    ["transactions that are not an array", FIT, {}, { observationEnd: END }, "cumulativeTransactions: transactions is an object, expected an array of transactions"],
    ["a transaction that is not an object", FIT, [null], { observationEnd: END }, "cumulativeTransactions: transactions[0] is null, expected an object with customerId and at"],
    ["a bad customer id", FIT, [{ customerId: Number.NaN, at: END }], { observationEnd: END }, "cumulativeTransactions: transactions[0].customerId is NaN, expected a string or a finite number"],
    ["a bad date", FIT, [{ customerId: 1, at: "yesterday" }], { observationEnd: END }, 'cumulativeTransactions: transactions[0].at is "yesterday"'],
  ])("refuses %s with INVALID_INPUT", (_name, fit, transactions, options, message) => {
    const error = thrown(() => cumulativeTransactions(fit as never, transactions as never, options as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message.startsWith(message)).toBe(true);
  });
});
