import { describe, expect, it } from "vitest";
import { CxMetricsError, type RfmTransaction, rfmSummary } from "../../src/index.js";
import { Dec } from "../helpers/decimal.js";
import { cdnowSummaryWithTransactions, cdnowTransactions, isoOf } from "./cdnow.js";

const CALIBRATION = { observationEnd: "1998-06-30T00:00:00Z", calibrationEnd: "1997-09-30T00:00:00Z", unit: "week" } as const;

function thrown(run: () => unknown): CxMetricsError {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error;
    throw error;
  }
  throw new Error("expected a CxMetricsError");
}

describe("rfmSummary on CDNOW", () => {
  const transactions = cdnowTransactions();
  const rows = rfmSummary(
    transactions.map((t) => ({ customerId: t.customerId, at: isoOf(t.date), amount: t.amount })),
    CALIBRATION,
  );
  const expected = cdnowSummaryWithTransactions();

  it("reproduces cdnow_customers_summary_with_transactions.csv for all 2,357 customers, row for row", () => {
    expect(rows).toHaveLength(2357);
    const mismatches = expected.filter((want, i) => {
      const got = rows[i]!;
      return (
        got.frequency !== want.frequency ||
        Number(got.recency.toFixed(2)) !== want.recency ||
        Number(got.T.toFixed(2)) !== want.T ||
        // zbar is the mean rounded half up to cents
        new Dec(got.monetaryValue!).toDecimalPlaces(2).toNumber() !== want.monetaryValue
      );
    });
    expect(mismatches).toEqual([]);
  });

  it("counts T = 272 / 7 weeks for a customer who first bought on 1997-01-01, the calibration end day included", () => {
    expect(rows[0]!.customerId).toBe("00004");
    expect(rows[0]!.T).toBe(272 / 7);
    expect(rows[0]!.recency).toBe(213 / 7);
  });

  it("counts the distinct purchase days after the calibration end as holdoutFrequency", () => {
    const holdout = new Map<string, Set<string>>();
    for (const t of transactions) {
      if (t.date <= "19970930") continue;
      const days = holdout.get(t.customerId) ?? new Set();
      days.add(t.date);
      holdout.set(t.customerId, days);
    }
    for (const row of rows) expect(row.holdoutFrequency).toBe(holdout.get(row.customerId as string)?.size ?? 0);
    expect(rows.reduce((s, r) => s + r.holdoutFrequency!, 0)).toBeGreaterThan(1000);
  });

  it("gives the same summary from epoch milliseconds at UTC midnight and from Date objects", () => {
    const sample = transactions.slice(0, 300);
    const fromIso = rfmSummary(sample.map((t) => ({ customerId: t.customerId, at: isoOf(t.date), amount: t.amount })), CALIBRATION);
    const fromMs = rfmSummary(
      sample.map((t) => ({ customerId: t.customerId, at: Date.parse(isoOf(t.date)), amount: Number(t.amount) })),
      { ...CALIBRATION, observationEnd: Date.parse("1998-06-30T00:00:00Z"), calibrationEnd: new Date("1997-09-30T00:00:00Z") },
    );
    expect(fromMs).toEqual(fromIso);
  });
});

describe("rfmSummary conventions", () => {
  const end = { observationEnd: "2026-01-31T00:00:00Z" };

  it("groups a day's purchases into one and sums their amounts exactly", () => {
    const [row] = rfmSummary(
      [
        { customerId: 1, at: "2026-01-01T08:00:00Z", amount: "10" },
        { customerId: 1, at: "2026-01-03T08:00:00Z", amount: "0.1" },
        { customerId: 1, at: "2026-01-03T20:00:00Z", amount: "0.2" },
      ],
      end,
    );
    expect(row).toEqual({ customerId: 1, frequency: 1, recency: 2, T: 30, monetaryValue: 0.3 });
  });

  it("excludes the first purchase from the monetary value and gives 0 without repeats", () => {
    const rows = rfmSummary(
      [
        { customerId: "a", at: "2026-01-01T00:00:00Z", amount: 100 },
        { customerId: "a", at: "2026-01-02T00:00:00Z", amount: 10 },
        { customerId: "a", at: "2026-01-05T00:00:00Z", amount: 20 },
        { customerId: "b", at: "2026-01-01T00:00:00Z", amount: 50 },
      ],
      end,
    );
    expect(rows.map((r) => [r.customerId, r.frequency, r.recency, r.monetaryValue])).toEqual([
      ["a", 2, 4, 15],
      ["b", 0, 0, 0],
    ]);
  });

  it("leaves monetaryValue out when no purchase has an amount, and holdoutFrequency out without calibrationEnd", () => {
    const [row] = rfmSummary([{ customerId: "a", at: "2026-01-01T00:00:00Z" }], end);
    expect(row).toEqual({ customerId: "a", frequency: 0, recency: 0, T: 30 });
  });

  it("measures recency and T in weeks of 7 days with unit 'week'", () => {
    const tx: RfmTransaction[] = [
      { customerId: "a", at: "2026-01-01T00:00:00Z" },
      { customerId: "a", at: "2026-01-11T00:00:00Z" },
    ];
    const [row] = rfmSummary(tx, { ...end, unit: "week" });
    expect(row!.recency).toBe(10 / 7);
    expect(row!.T).toBe(30 / 7);
    expect(rfmSummary(tx, { ...end, unit: "day" })[0]!.T).toBe(30);
  });

  it("groups by calendar day in the given time zone", () => {
    const tx: RfmTransaction[] = [
      { customerId: "a", at: "2026-01-01T23:30:00Z" },
      { customerId: "a", at: "2026-01-02T00:30:00Z" },
    ];
    expect(rfmSummary(tx, end)[0]!.frequency).toBe(1);
    // 18:30 and 19:30 on January 1st in New York
    expect(rfmSummary(tx, { ...end, timeZone: "America/New_York" })[0]!.frequency).toBe(0);
  });

  it("ignores purchases after the observation end's day and leaves out customers who first bought after the calibration end", () => {
    const rows = rfmSummary(
      [
        { customerId: "a", at: "2026-01-01T00:00:00Z" },
        { customerId: "a", at: "2026-01-20T00:00:00Z" },
        { customerId: "a", at: "2026-01-31T23:59:00Z" },
        { customerId: "a", at: "2026-02-01T00:00:00Z" },
        { customerId: "b", at: "2026-01-25T00:00:00Z" },
        { customerId: "c", at: "2026-03-01T00:00:00Z" },
      ],
      { ...end, calibrationEnd: "2026-01-10T12:00:00Z" },
    );
    expect(rows).toEqual([{ customerId: "a", frequency: 0, recency: 0, T: 9, holdoutFrequency: 2 }]);
  });

  it("orders rows by first purchase day, then by id with numbers before strings", () => {
    const day1 = "2026-01-01T00:00:00Z";
    const rows = rfmSummary(
      [
        { customerId: "z", at: "2026-01-02T00:00:00Z" },
        { customerId: "b", at: day1 },
        { customerId: 10, at: day1 },
        { customerId: "a", at: day1 },
        { customerId: 9, at: day1 },
        { customerId: "a", at: day1 },
      ],
      end,
    );
    expect(rows.map((r) => r.customerId)).toEqual([9, 10, "a", "b", "z"]);
  });

  it("treats the number 4 and the string '4' as different customers", () => {
    const rows = rfmSummary(
      [
        { customerId: 4, at: "2026-01-01T00:00:00Z" },
        { customerId: "4", at: "2026-01-01T00:00:00Z" },
      ],
      end,
    );
    expect(rows).toHaveLength(2);
  });

  it("returns no rows for no transactions", () => {
    expect(rfmSummary([], end)).toEqual([]);
  });
});

describe("rfmSummary refuses bad input", () => {
  const end = { observationEnd: "2026-01-31T00:00:00Z" };
  const ok = { customerId: "a", at: "2026-01-01T00:00:00Z" };

  it.each([
    ["not an array", () => rfmSummary({} as never, end), 'rfmSummary: transactions is an object, expected an array of transactions'],
    ["a row that is not an object", () => rfmSummary([ok, null as never], end), "rfmSummary: transactions[1] is null, expected an object with customerId and at"],
    ["a bad customer id", () => rfmSummary([{ ...ok, customerId: Number.NaN }], end), "rfmSummary: transactions[0].customerId is NaN, expected a string or a finite number"],
    ["a bad date", () => rfmSummary([{ ...ok, at: "2026-01-01" }], end), 'rfmSummary: transactions[0].at is "2026-01-01", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds'],
    ["a bad amount", () => rfmSummary([{ ...ok, amount: "1e3" }], end), 'rfmSummary: transactions[0].amount is "1e3", expected a finite number or a plain decimal string such as "1234.50"'],
    ["amounts on some purchases only", () => rfmSummary([ok, { ...ok, amount: 5 }], end), "rfmSummary: transactions[0].amount is missing, expected an amount on every transaction, as transactions[1] has one"],
    ["a calibration end after the observation end", () => rfmSummary([ok], { ...end, calibrationEnd: "2026-02-01T00:00:00Z" }), 'rfmSummary: options.calibrationEnd is "2026-02-01T00:00:00Z", expected a day on or before observationEnd'],
    ["an unknown time zone", () => rfmSummary([ok], { ...end, timeZone: "Mars/Olympus" }), 'rfmSummary: options.timeZone is "Mars/Olympus", expected an IANA time-zone name'],
    ["an unknown unit", () => rfmSummary([ok], { ...end, unit: "month" as never }), 'rfmSummary: options.unit is "month", expected "day" or "week"'],
  ])("with INVALID_INPUT for %s", (_name, run, message) => {
    const error = thrown(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });

  it("with INVALID_INPUT naming a missing observation end and unknown option keys", () => {
    expect(thrown(() => rfmSummary([ok], {} as never)).message).toMatchInlineSnapshot(`"rfmSummary: options.observationEnd is missing, expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`);
    expect(thrown(() => rfmSummary([ok], undefined as never)).message).toMatchInlineSnapshot(`"rfmSummary: options is missing, expected an object with observationEnd"`);
    expect(thrown(() => rfmSummary([ok], { ...end, calibration: "x" } as never)).message).toMatchInlineSnapshot(`"rfmSummary: options has unknown key "calibration""`);
  });

  it("with INVALID_INPUT when reading a transaction throws", () => {
    const hostile = {
      customerId: "a",
      get at(): string {
        throw new Error("boom");
      },
    };
    expect(thrown(() => rfmSummary([hostile], end)).message).toBe("rfmSummary: input could not be read (boom)");
  });
});

describe("rfmSummary with many purchase days per customer", () => {
  it("counts 40 distinct days, merges days seen again out of order, and sums their amounts exactly", () => {
    const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d, 12)).toISOString();
    const transactions = Array.from({ length: 40 }, (_, d) => ({ customerId: "c", at: day(d), amount: "1.10" }));
    transactions.push({ customerId: "c", at: day(3), amount: "0.01" }, { customerId: "c", at: day(39), amount: "2" });
    const [row] = rfmSummary(transactions, { observationEnd: day(60) });
    expect(row!.frequency).toBe(39);
    expect(row!.recency).toBe(39);
    // repeat days: 39 × 1.10 + 0.01 + 2 = 44.91, over 39 days
    expect(row!.monetaryValue).toBe(new Dec("44.91").div(39).toNumber());
  });
});
