import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BgNbdFitInputSchema,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  CxMetricsError,
  fitBgNbd,
  fitShiftedBetaGeometric,
  RfmTransactionSchema,
  rfmSummary,
  SbgSurvivorsSchema,
} from "../../src/index.js";
import * as z from "zod/mini";

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.05, max: 5, noNaN: true }),
  b: fc.double({ min: 0.05, max: 10, noNaN: true }),
});

const customer = fc
  .record({ frequency: fc.nat(60), T: fc.double({ min: 0, max: 100, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ frequency, T, share }) => ({ frequency, recency: frequency === 0 ? 0 : share * T, T }));

/** The first index a CxMetricsError points at under `customers`/`survivors`, or -1 when the input was accepted. */
function firstBadIndex(run: () => unknown, root: string): number {
  try {
    run();
    return -1;
  } catch (error) {
    if (!(error instanceof CxMetricsError)) throw error;
    const path = error.issues[0]!.path;
    return path[0] === root && typeof path[1] === "number" ? path[1] : -1;
  }
}

describe("BG/NBD invariants", () => {
  it("P(alive) lies in [0, 1] and is 1 without repeat purchases", () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const alive = bgNbdProbabilityAlive(p, c);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (c.frequency === 0) expect(alive).toBe(1);
      }),
    );
  });

  it("P(alive) rises with recency for a fixed frequency and T", () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 30 }), (p, frequency) => {
        const early = bgNbdProbabilityAlive(p, { frequency, recency: 5, T: 40 });
        const late = bgNbdProbabilityAlive(p, { frequency, recency: 35, T: 40 });
        expect(late).toBeGreaterThanOrEqual(early);
      }),
    );
  });

  it("conditional expected purchases are finite, non-negative and grow with the horizon", () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0, max: 200, noNaN: true }), (p, c, t) => {
        const near = bgNbdConditionalExpectedPurchases(p, c, t);
        const far = bgNbdConditionalExpectedPurchases(p, c, t + 10);
        expect(Number.isFinite(far)).toBe(true);
        expect(near).toBeGreaterThanOrEqual(0);
        expect(far).toBeGreaterThanOrEqual(near * (1 - 1e-12));
      }),
    );
  });
});

describe("fast validators agree with the schemas", () => {
  const anyValue = fc.oneof(
    fc.double(),
    fc.integer({ min: -3, max: 5 }),
    fc.constant(undefined),
    fc.constant(null),
    fc.constant("1"),
    fc.constant(Number.POSITIVE_INFINITY),
  );
  const row = fc.oneof(
    customer.map((c) => ({ ...c, weight: 1 })),
    fc.record({ frequency: anyValue, recency: anyValue, T: anyValue, weight: anyValue }, { requiredKeys: ["frequency", "recency", "T"] }),
    fc.constant(null),
    fc.constant(7),
  );

  it("fitBgNbd accepts exactly the rows BgNbdFitInputSchema accepts and names the same first bad row", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const parsed = BgNbdFitInputSchema.safeParse(rows);
        const expected = parsed.success ? -1 : (parsed.error.issues[0]!.path[0] as number);
        // maxIterations: 1 keeps valid data cheap: it then fails to converge, an error without a row index
        expect(firstBadIndex(() => fitBgNbd(rows as never, { maxIterations: 1 }), "customers")).toBe(expected);
      }),
    );
  });

  it("fitShiftedBetaGeometric refuses every count SbgSurvivorsSchema refuses, and otherwise only order or size", () => {
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 6 }), (counts) => {
        const parsed = SbgSurvivorsSchema.safeParse(counts);
        let error: CxMetricsError | undefined;
        try {
          fitShiftedBetaGeometric(counts as never, { maxIterations: 1 });
        } catch (e) {
          error = e as CxMetricsError;
        }
        const index = error === undefined ? undefined : error.issues[0]!.path[1];
        if (!parsed.success) {
          // the first value the schema refuses, or an earlier count that breaks the order
          expect(error).toBeDefined();
          expect(index as number).toBeLessThanOrEqual(parsed.error.issues[0]!.path[0] as number);
          if (index !== parsed.error.issues[0]!.path[0]) expect(error!.code).not.toBe("INVALID_INPUT");
        } else if (error !== undefined && typeof index === "number") {
          expect(["OUT_OF_RANGE", "EMPTY_INPUT"]).toContain(error.code);
        }
      }),
    );
  });
});

describe("rfmSummary's transaction checks agree with RfmTransactionSchema", () => {
  const value = fc.oneof(
    fc.constant("2026-01-05T10:00:00Z"),
    fc.constant("2026-01-05"),
    fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 1, 1) }),
    fc.constant("12.50"),
    fc.constant("1e3"),
    fc.double(),
    fc.constant(null),
    fc.constant("a"),
  );
  const row = fc.oneof(fc.record({ customerId: value, at: value, amount: value }), fc.constant(null), fc.constant(3));

  it("refuses exactly the transactions the schema refuses, naming the same first one", () => {
    const schema = z.array(RfmTransactionSchema);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const parsed = schema.safeParse(rows);
        const expected = parsed.success ? -1 : (parsed.error.issues[0]!.path[0] as number);
        expect(firstBadIndex(() => rfmSummary(rows as never, { observationEnd: Date.UTC(2026, 2, 1) }), "transactions")).toBe(expected);
      }),
    );
  });
});

describe("rfmSummary invariants", () => {
  const tx = fc.record({
    customerId: fc.constantFrom("a", "b", "c", 1, 2),
    at: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 2, 1) }),
    amount: fc.integer({ min: 0, max: 10_000 }).map((cents) => (cents / 100).toFixed(2)),
  });

  it("does not depend on the order of the transactions", () => {
    fc.assert(
      fc.property(fc.array(tx, { maxLength: 30 }), fc.boolean(), (transactions, withCalibration) => {
        const options = withCalibration
          ? { observationEnd: Date.UTC(2026, 2, 1), calibrationEnd: Date.UTC(2026, 1, 1) }
          : { observationEnd: Date.UTC(2026, 2, 1) };
        expect(rfmSummary([...transactions].reverse(), options)).toEqual(rfmSummary(transactions, options));
      }),
    );
  });

  it("counts frequency + 1 distinct purchase days and keeps 0 <= recency <= T", () => {
    fc.assert(
      fc.property(fc.array(tx, { maxLength: 30 }), (transactions) => {
        const rows = rfmSummary(transactions, { observationEnd: Date.UTC(2026, 2, 1) });
        for (const row of rows) {
          const days = new Set(transactions.filter((t) => t.customerId === row.customerId).map((t) => Math.floor(t.at / 86_400_000)));
          expect(row.frequency).toBe(days.size - 1);
          expect(row.recency).toBeGreaterThanOrEqual(0);
          expect(row.recency).toBeLessThanOrEqual(row.T);
        }
      }),
    );
  });
});
