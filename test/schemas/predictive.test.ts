// The predictive schemas accept and refuse what the calculators' readers accept and refuse, naming the same first path.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { CxMetricsError } from "../../src/errors.js";
import { readCustomer } from "../../src/predictive/bg-nbd.js";
import { readBgBbCustomer, readBgBbParams } from "../../src/predictive/bg-bb.js";
import { readParetoNbdParams } from "../../src/predictive/pareto-nbd.js";
import { BgBbCustomerSchema, BgBbParamsSchema, CustomerSummarySchema, ParetoNbdParamsSchema } from "../../src/schemas/index.js";

/** The reader's verdict: the path of its error below the root, or null when it accepts. */
function readerPath(read: () => unknown): PropertyKey[] | null {
  try {
    read();
    return null;
  } catch (error) {
    if (!(error instanceof CxMetricsError)) throw error;
    return [...(error.issues[0]!.path as PropertyKey[])].slice(1);
  }
}

function schemaPath(schema: z.ZodType, value: unknown): PropertyKey[] | null {
  const result = schema.safeParse(value);
  return result.success ? null : [...result.error.issues[0]!.path];
}

const number = fc.oneof(fc.double(), fc.integer({ min: -3, max: 12 }), fc.constantFrom(0, 1, Number.NaN, Number.POSITIVE_INFINITY));
const value = fc.oneof(number, fc.constant(undefined), fc.constant("1"));

describe("predictive schemas agree with the readers", () => {
  it.each([
    ["ParetoNbdParamsSchema", ParetoNbdParamsSchema, ["r", "alpha", "s", "beta"], (v: unknown) => readParetoNbdParams(v, "m", ["p"])],
    ["BgBbParamsSchema", BgBbParamsSchema, ["alpha", "beta", "gamma", "delta"], (v: unknown) => readBgBbParams(v, "m", ["p"])],
    ["CustomerSummarySchema", CustomerSummarySchema, ["frequency", "recency", "T"], (v: unknown) => readCustomer(v, "m", ["c"])],
    ["BgBbCustomerSchema", BgBbCustomerSchema, ["frequency", "recency", "n"], (v: unknown) => readBgBbCustomer(v, "m", ["c"])],
  ] as const)("%s: same accept/reject and first bad path", (_name, schema, keys, read) => {
    fc.assert(
      fc.property(fc.tuple(...keys.map(() => value)), (values) => {
        const record = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
        expect(schemaPath(schema as z.ZodType, record)).toEqual(readerPath(() => read(record)));
      }),
      { numRuns: 500 },
    );
    expect(schemaPath(schema as z.ZodType, null)).toEqual(readerPath(() => read(null)));
  });
});
