import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { historicalClv } from "../../src/index.js";
import { MoneyAdder, rescale } from "../../src/internal/money.js";
import { Dec } from "../helpers/decimal.js";

/** An amount with up to two decimals, as a number or a string, with its exact value in cents. */
const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.constantFrom(0, 1, 2), fc.boolean())
  .map(([cents, decimals, asString]) => {
    // Keep only `decimals` digits after the point so the amount really has that many.
    const step = 10n ** BigInt(2 - decimals);
    const c = (cents / step) * step;
    const negative = c < 0n;
    const digits = (negative ? -c : c).toString().padStart(3, "0");
    const whole = digits.slice(0, -2);
    const fraction = digits.slice(-2).slice(0, decimals);
    const text = `${negative ? "-" : ""}${whole}${decimals > 0 ? `.${fraction}` : ""}`;
    return { cents: c, value: asString ? text : Number(text) };
  });

/** The exact sum in cents of amounts with up to two decimals. */
function centsOf(values: ReadonlyArray<unknown>): bigint {
  const adder = new MoneyAdder();
  for (const v of values) expect(adder.add(v)).toBe(true);
  return rescale(adder.total(), 2);
}

describe("money sums are exact", () => {
  it("MoneyAdder equals a BigInt-cents oracle on amounts with up to 2 decimals", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 200 }), (items) => {
        const oracle = items.reduce((s, i) => s + i.cents, 0n);
        const adder = new MoneyAdder();
        for (const i of items) adder.add(i.value);
        const total = adder.total();
        expect(total.scale).toBe(2);
        expect(total.units).toBe(oracle);
      }),
      { numRuns: 300 },
    );
  });

  it("historicalClv revenue is the correctly rounded BigInt-cents sum", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), amount), { minLength: 1, maxLength: 100 }), (rows) => {
        const transactions = rows.map(([id, a]) => ({ customerId: id, at: 0, amount: a.value }));
        const oracle = rows.reduce((s, [, a]) => s + a.cents, 0n);
        const customers = new Set(rows.map(([id]) => id)).size;
        const r = historicalClv(transactions);
        expect(r.revenue).toBe(new Dec(`${oracle}e-2`).toNumber() + 0);
        // A 200-digit quotient, then the nearest double: the oracle for the correctly rounded revenue per customer.
        expect(r.revenuePerCustomer).toBe(Dec.clone({ precision: 200 })(`${oracle}e-2`).div(customers).toNumber() + 0);
        expect(r.value).toBe(r.revenuePerCustomer);
        expect(r.customers).toBe(customers);
      }),
      { numRuns: 200 },
    );
  });

  it("sums of any plain decimals agree with decimal.js, in any order", () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.nat(30))
      .map(([units, scale]) => new Dec(`${units}e-${scale}`).toFixed());
    const value = fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 50 }), (values) => {
        const Wide = Dec.clone({ precision: 1000 });
        const oracle = values.reduce((s: InstanceType<typeof Wide>, v) => s.plus(new Wide(v)), new Wide(0));
        for (const order of [values, [...values].reverse()]) {
          const adder = new MoneyAdder();
          for (const v of order) expect(adder.add(v)).toBe(true);
          const { units, scale } = adder.total();
          expect(new Wide(`${units}e-${scale}`).eq(oracle)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the cents of a sum do not depend on how it is split", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), fc.nat(), (items, cut) => {
        const values = items.map((i) => i.value);
        const k = values.length === 0 ? 0 : cut % values.length;
        expect(centsOf(values.slice(0, k)) + centsOf(values.slice(k))).toBe(centsOf(values));
      }),
    );
  });
});
