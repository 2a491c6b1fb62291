import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { historicalClv, purchaseFrequency, repeatCustomerRate } from "../../src/index.js";

const transaction = fc.record({
  customerId: fc.constantFrom<string | number>(1, 2, 3, "1", "a", "b", "c"),
  at: fc.integer({ min: 0, max: 1e12 }),
  amount: fc.integer({ min: -10_000, max: 1_000_000 }).map((cents) => cents / 100),
});

describe("loyalty properties", () => {
  it("repeat rate is within [0, 100] and counts agree with a Map of purchases", () => {
    fc.assert(
      fc.property(fc.array(transaction, { minLength: 1, maxLength: 40 }), (list) => {
        const counts = new Map<string | number, number>();
        for (const t of list) counts.set(t.customerId, (counts.get(t.customerId) ?? 0) + 1);
        const repeat = [...counts.values()].filter((n) => n >= 2).length;
        const r = repeatCustomerRate(list);
        expect(r).toEqual({ metric: "repeatCustomerRate", rate: (100 * repeat) / counts.size, repeatCustomers: repeat, customers: counts.size });
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(100);
        const f = purchaseFrequency(list);
        expect(f.orders).toBe(list.length);
        expect(f.perCustomer).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it("results do not depend on the order of transactions", () => {
    fc.assert(
      fc.property(fc.array(transaction, { minLength: 1, maxLength: 40 }), fc.nat(), (list, seed) => {
        const shuffled = [...list].sort((a, b) => ((a.at * 31 + seed) % 97) - ((b.at * 31 + seed) % 97));
        expect(repeatCustomerRate(shuffled)).toEqual(repeatCustomerRate(list));
        expect(purchaseFrequency(shuffled)).toEqual(purchaseFrequency(list));
        expect(historicalClv(shuffled)).toEqual(historicalClv(list));
      }),
    );
  });

  it("the revenue of two halves adds up to the revenue of the whole, to the cent", () => {
    fc.assert(
      fc.property(fc.array(transaction, { minLength: 2, maxLength: 40 }), fc.nat(), (list, cut) => {
        const k = 1 + (cut % (list.length - 1));
        const cents = (rows: typeof list) => Math.round(historicalClv(rows).revenue * 100);
        expect(cents(list.slice(0, k)) + cents(list.slice(k))).toBe(cents(list));
      }),
    );
  });
});
