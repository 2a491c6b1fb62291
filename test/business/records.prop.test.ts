// The tight loops that read records must agree with the exported schemas: same verdict, same first bad index.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { CxMetricsError, historicalClv, MoneySchema, SubscriptionSchema, TransactionSchema } from "../../src/index.js";
import { countPurchases, readSubscriptions } from "../../src/business/records.js";

const goodId = fc.oneof(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
const badId = fc.constantFrom<unknown>("", Number.NaN, Number.POSITIVE_INFINITY, undefined, null, {}, true, 1n);
const goodDate = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.constantFrom<unknown>("2026-01-01T00:00:00Z", "2026-03-29T01:30:00+02:00", "2026-02-30T10:00Z", new Date(0), "2026-01-01 10:00:00.5-0130"),
);
const badDate = fc.constantFrom<unknown>("x", "2026-01-01", "2026-13-01T00:00:00Z", Number.NaN, 8.64e15 + 1, null, new Date(Number.NaN), {}, true);
const goodAmount = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom<unknown>("0", "-3.20", "1234.5", undefined));
const badAmount = fc.constantFrom<unknown>("1e3", Number.NaN, null, "1,5", "", ".5", {});

function maybe<T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) {
  return fc.oneof({ weight: 9, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: bad });
}

const subscription = fc.oneof(
  { weight: 20, arbitrary: fc.record({ customerId: maybe(goodId, badId), startedAt: maybe(goodDate, badDate) }).chain((r) =>
    fc.oneof(
      fc.constant(r),
      fc.constant({ ...r, endedAt: null }),
      maybe(goodDate, badDate).map((endedAt) => ({ ...r, endedAt })),
    )) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, "record", undefined) },
);

const transaction = fc.oneof(
  { weight: 20, arbitrary: fc.record({ customerId: maybe(goodId, badId), at: maybe(goodDate, badDate), amount: maybe(goodAmount, badAmount) }, { requiredKeys: ["customerId", "at"] }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, "record") },
);

/** The index of the first bad record by the fast reader, or -1. */
function fastVerdict(run: () => unknown): number {
  try {
    run();
    return -1;
  } catch (error) {
    expect(error).toBeInstanceOf(CxMetricsError);
    // Valid records whose exact sum overflows a double end in OUT_OF_RANGE: no record was refused.
    if ((error as CxMetricsError).code === "OUT_OF_RANGE") return -1;
    expect((error as CxMetricsError).code).toBe("INVALID_INPUT");
    return (error as CxMetricsError).issues[0]!.path[1] as number;
  }
}

/** The index of the first bad record by the schema, or -1. */
function schemaVerdict(schema: z.ZodMiniType, list: unknown[]): number {
  const result = z.array(schema).safeParse(list);
  if (result.success) return -1;
  return Math.min(...result.error.issues.map((issue) => issue.path[0] as number));
}

describe("record readers agree with the schemas", () => {
  it("readSubscriptions and z.array(SubscriptionSchema)", () => {
    fc.assert(
      fc.property(fc.array(subscription, { maxLength: 8 }), (list) => {
        expect(fastVerdict(() => readSubscriptions(list, "m"))).toBe(schemaVerdict(SubscriptionSchema, list));
      }),
      { numRuns: 2000 },
    );
  });

  it("countPurchases and z.array(TransactionSchema)", () => {
    fc.assert(
      fc.property(fc.array(transaction, { maxLength: 8 }), (list) => {
        expect(fastVerdict(() => countPurchases(list, "m"))).toBe(schemaVerdict(TransactionSchema, list));
      }),
      { numRuns: 2000 },
    );
  });

  it("historicalClv and z.array(TransactionSchema with a required amount)", () => {
    const paid = z.extend(TransactionSchema, { amount: MoneySchema });
    fc.assert(
      fc.property(fc.array(transaction, { minLength: 1, maxLength: 8 }), (list) => {
        expect(fastVerdict(() => historicalClv(list as never))).toBe(schemaVerdict(paid, list));
      }),
      { numRuns: 2000 },
    );
  });
});
