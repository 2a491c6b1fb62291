import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CxMetricsError, churnFromSubscriptions, type Subscription } from "../../src/index.js";

const record = fc
  .record({ customerId: fc.constantFrom<string | number>(1, 2, 3, 4, 5, "1", "a", "b"), startedAt: fc.integer({ min: 0, max: 100 }), length: fc.option(fc.integer({ min: 0, max: 60 })) })
  .map(({ customerId, startedAt, length }): Subscription =>
    length === null ? { customerId, startedAt } : { customerId, startedAt, endedAt: startedAt + length },
  );
const period = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 60 })).map(([start, length]) => ({ periodStart: start, periodEnd: start + length }));

/** The definitions, read literally: one pass per customer and category. */
function oracle(subs: Subscription[], start: number, end: number) {
  const ids = [...new Set(subs.map((s) => s.customerId))];
  const active = (id: string | number, t: number) =>
    subs.some((s) => s.customerId === id && (s.startedAt as number) <= t && (s.endedAt == null || t < (s.endedAt as number)));
  const earlier = (id: string | number) => subs.some((s) => s.customerId === id && (s.startedAt as number) < start);
  return {
    customersAtStart: ids.filter((id) => active(id, start)).length,
    customersLost: ids.filter((id) => active(id, start) && !active(id, end)).length,
    customersAtEnd: ids.filter((id) => active(id, end)).length,
    newCustomers: ids.filter((id) => active(id, end) && !active(id, start) && !earlier(id)).length,
    reactivated: ids.filter((id) => active(id, end) && !active(id, start) && earlier(id)).length,
    customers: ids.length,
  };
}

function run(subs: Subscription[], p: { periodStart: number; periodEnd: number }) {
  try {
    return churnFromSubscriptions(subs, p);
  } catch (error) {
    expect((error as CxMetricsError).code).toBe("EMPTY_INPUT");
    return undefined;
  }
}

describe("churnFromSubscriptions properties", () => {
  it("follows the definitions and atStart - lost + new + reactivated = atEnd", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 25 }), period, (subs, p) => {
        const expected = oracle(subs, p.periodStart, p.periodEnd);
        const r = run(subs, p);
        if (r === undefined) {
          expect(expected.customersAtStart).toBe(0);
          return;
        }
        const { customers, ...counts } = expected;
        expect(r).toMatchObject(counts);
        expect(r.customersAtStart - r.customersLost + r.newCustomers + r.reactivated).toBe(r.customersAtEnd);
        expect(r.rate).toBe((100 * r.customersLost) / r.customersAtStart);
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(100);
      }),
      { numRuns: 1000 },
    );
  });

  it("never counts a customer twice: each is at most one of kept, lost, new, reactivated", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 25 }), period, (subs, p) => {
        const r = run(subs, p);
        if (r === undefined) return;
        const customers = new Set(subs.map((s) => s.customerId)).size;
        const kept = r.customersAtStart - r.customersLost;
        expect(kept).toBeGreaterThanOrEqual(0);
        expect(kept + r.customersLost + r.newCustomers + r.reactivated).toBeLessThanOrEqual(customers);
        expect(r.customersAtEnd).toBeLessThanOrEqual(customers);
      }),
      { numRuns: 500 },
    );
  });

  it("duplicated and reordered records change nothing", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), period, (subs, p) => {
        const doubled = [...subs, ...subs].reverse();
        expect(run(doubled, p)).toEqual(run(subs, p));
      }),
      { numRuns: 500 },
    );
  });
});
