// The business calculators read their input with hand-written readers; the schemas in cx-metrics/schemas are the
// specification. Both must accept and refuse the same values and name the same first bad path; clv and clvFromChurn
// also agree on the code: OUT_OF_RANGE exactly when the schema's first issue is a number outside its range.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import {
  churnFromSubscriptions,
  churnRate,
  clv,
  clvFromChurn,
  CxMetricsError,
  cohortRetention,
  historicalClv,
  retentionRate,
  revenueChurn,
} from "../../src/index.js";
import {
  BusinessRateOptionsSchema,
  ChurnInputSchema,
  ChurnPeriodSchema,
  ClvFromChurnInputSchema,
  ClvInputSchema,
  ClvOptionsSchema,
  CohortOptionsSchema,
  HistoricalClvOptionsSchema,
  RetentionInputSchema,
  RevenueChurnInputSchema,
} from "../../src/schemas/index.js";

interface Verdict {
  readonly ok: boolean;
  readonly path?: ReadonlyArray<PropertyKey>;
  readonly outOfRange?: boolean;
}

/**
 * A calculator as a validator of its argument `root`: accepted unless it refuses a value under `root` (an empty input
 * or a result beyond the range of a number is not a refusal of the input).
 */
function calculatorVerdict(root: string, run: () => unknown): Verdict {
  try {
    run();
    return { ok: true };
  } catch (error) {
    if (!(error instanceof CxMetricsError)) throw error;
    const path = error.issues[0]!.path;
    if (error.code === "EMPTY_INPUT" || path[0] !== root) return { ok: true };
    return { ok: false, path: path.slice(1), outOfRange: error.code === "OUT_OF_RANGE" };
  }
}

function schemaVerdict(schema: z.ZodType, value: unknown): Verdict {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true };
  const first = result.error.issues[0]!;
  return { ok: false, path: first.path, outOfRange: first.code === "too_small" || first.code === "too_big" };
}

/** Runs `numRuns` cases and checks both verdicts agree; at least one case in ten must be accepted, and refused. */
function agree<T>(
  arb: fc.Arbitrary<T>,
  schema: z.ZodType,
  root: string,
  run: (value: T) => unknown,
  compare: "code" | "path" | "verdict" = "path",
) {
  let accepted = 0;
  const numRuns = 2000;
  fc.assert(
    fc.property(arb, (value) => {
      const expected = schemaVerdict(schema, value);
      const actual = calculatorVerdict(root, () => run(value));
      if (expected.ok) accepted++;
      expect(actual.ok).toBe(expected.ok);
      if (compare !== "verdict") expect(actual.path).toEqual(expected.path);
      if (compare === "code") expect(actual.outOfRange).toBe(expected.outOfRange);
    }),
    { numRuns },
  );
  expect(accepted).toBeGreaterThan(numRuns / 10);
  expect(accepted).toBeLessThan(numRuns - numRuns / 10);
}

function field<T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) {
  return fc.oneof({ weight: 4, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: bad });
}

const notObjects = fc.constantFrom<unknown>(null, undefined, 5, "input", [1, 2], true);
function objectOr(record: fc.Arbitrary<unknown>) {
  return fc.oneof({ weight: 12, arbitrary: record }, { weight: 1, arbitrary: notObjects });
}

const money = field(
  fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -10, max: 1000 }),
    fc.constantFrom("0", "-0", "-0.00", "-3.20", "1234.5", "12345678901234567.89", "0.001"),
  ),
  fc.constantFrom<unknown>("1e3", Number.NaN, Number.POSITIVE_INFINITY, null, "1,5", "", ".5", "+1", {}, true, 1n, undefined),
);
const number = field(
  fc.oneof(fc.double({ min: -5, max: 120, noNaN: true }), fc.constantFrom(-0, 0, 100, 1e-300, 1e300)),
  fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "5", null, undefined, [], 1n),
);
const count = field(
  fc.oneof(fc.nat(20), fc.constant(2 ** 53 - 1)),
  fc.constantFrom<unknown>(-1, 1.5, Number.NaN, "2", null, undefined, 2 ** 53, -0),
);
const T0 = Date.UTC(2026, 0, 1);
const date = field(
  fc.oneof(
    fc.integer({ min: T0 - 1e10, max: T0 + 1e10 }),
    fc.integer({ min: T0 - 1e10, max: T0 + 1e10 }).map((t) => new Date(t).toISOString()),
    fc.integer({ min: T0 - 1e10, max: T0 + 1e10 }).map((t) => new Date(t)),
    fc.constantFrom<unknown>(-8.64e15, 8.64e15, "2026-03-29T01:30:00+02:00"),
  ),
  fc.constantFrom<unknown>("x", "2026-01-01", "2026-02-30T00:00:00Z", Number.NaN, 8.64e15 + 1, null, undefined, new Date(Number.NaN), {}, true),
);
const decimals = field(fc.nat(15), fc.constantFrom<unknown>(16, -1, 1.5, "2", null, Number.NaN));
const extra = fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom<unknown>("note", 7) });

/** An object of the given fields, each one sometimes missing (or, when `present`, only as undefined), sometimes with an extra key. */
function record(fields: Record<string, fc.Arbitrary<unknown>>, extraKey = "note", present = false) {
  return fc.tuple(present ? fc.record(fields) : fc.record(fields, { requiredKeys: [] }), extra).map(([r, x]) => (x === undefined ? r : { ...r, [extraKey]: x }));
}

describe("business readers agree with the business schemas", () => {
  it("clv and ClvInputSchema", () => {
    const input = objectOr(record({ annualRevenuePerCustomer: money, relationshipYears: number, acquisitionCost: money }));
    agree(input, ClvInputSchema, "input", (i) => clv(i as never), "code");
  });

  it("clvFromChurn and ClvFromChurnInputSchema", () => {
    const input = objectOr(
      record({ revenuePerPeriod: money, churnRate: number, grossMargin: number, discountRate: number, acquisitionCost: money }).map((r) => ({
        revenuePerPeriod: 10,
        churnRate: 5,
        ...r,
      })),
    );
    agree(input, ClvFromChurnInputSchema, "input", (i) => clvFromChurn(i as never), "code");
  });

  it("churnRate and ChurnInputSchema", () => {
    agree(objectOr(record({ customersAtStart: count, customersLost: count })), ChurnInputSchema, "input", (i) => churnRate(i as never));
  });

  it("retentionRate and RetentionInputSchema", () => {
    const input = objectOr(record({ customersAtStart: count, customersAtEnd: count, newCustomers: count }));
    agree(input, RetentionInputSchema, "input", (i) => retentionRate(i as never));
  });

  it("revenueChurn and RevenueChurnInputSchema", () => {
    const small = field(fc.oneof(fc.integer({ min: -2, max: 100 }), fc.constantFrom("0", "-0", "12.50", "-1", "0.001")), money);
    const input = objectOr(
      record({ startingMrr: small, churnedMrr: small, contractionMrr: small, expansionMrr: small, reactivationMrr: small }).map((r) => ({
        startingMrr: 100,
        churnedMrr: 1,
        ...r,
      })),
    );
    agree(input, RevenueChurnInputSchema, "input", (i) => revenueChurn(i as never));
  });

  it("churnFromSubscriptions and ChurnPeriodSchema", () => {
    const subscriptions = [{ customerId: 1, startedAt: -8.64e15 }];
    const period = objectOr(record({ periodStart: date, periodEnd: date }, "timeZone", true));
    agree(period, ChurnPeriodSchema, "period", (p) => churnFromSubscriptions(subscriptions, p as never));
  });

  it("cohortRetention and CohortOptionsSchema", () => {
    const options = objectOr(
      record(
        {
          period: field(fc.constantFrom("day", "week", "month", "quarter", "year"), fc.constantFrom<unknown>("fortnight", "Month", 5, null)),
          asOf: date,
          timeZone: field(fc.constantFrom("UTC", "Europe/Budapest", "Asia/Tokyo"), fc.constantFrom<unknown>("Mars/Olympus", "", 5, null)),
          decimals,
        },
        "tz",
        true,
      ),
    );
    agree(options, CohortOptionsSchema, "options", (o) => cohortRetention([], o as never));
  });
});

describe("business option readers agree with the option schemas", () => {
  // The option readers report an unknown key before a bad value, zod the other way round: the verdicts agree.
  const options = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.oneof({ weight: 12, arbitrary: record(fields, "decimal") }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, "o", [1]) });

  it("clv, clvFromChurn and ClvOptionsSchema", () => {
    agree(options({ decimals }), ClvOptionsSchema, "options", (o) => clv({ annualRevenuePerCustomer: 1, relationshipYears: 1, acquisitionCost: 0 }, o as never), "verdict");
    agree(options({ decimals }), ClvOptionsSchema, "options", (o) => clvFromChurn({ revenuePerPeriod: 1, churnRate: 5 }, o as never), "verdict");
  });

  it("the rate calculators and BusinessRateOptionsSchema", () => {
    const run = (o: unknown) => {
      churnRate({ customersAtStart: 2, customersLost: 1 }, o as never);
      revenueChurn({ startingMrr: 2, churnedMrr: 1 }, o as never);
    };
    agree(options({ decimals }), BusinessRateOptionsSchema, "options", run, "verdict");
  });

  it("historicalClv and HistoricalClvOptionsSchema", () => {
    const transactions = [{ customerId: 1, at: 0, amount: 5 }];
    agree(options({ acquisitionCost: money, decimals }), HistoricalClvOptionsSchema, "options", (o) => historicalClv(transactions, o as never), "verdict");
  });
});
