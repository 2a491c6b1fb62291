import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortRetention, type Subscription } from "../../src/index.js";

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 10, 20);

// Subscriptions over about four months, in whole hours, for a handful of customers.
const record = fc
  .record({
    customerId: fc.constantFrom<string | number>(1, 2, 3, 4, 5, 6, "1", "x"),
    start: fc.integer({ min: 0, max: 120 * 24 }),
    length: fc.option(fc.integer({ min: 0, max: 60 * 24 })),
  })
  .map(({ customerId, start, length }): Subscription => {
    const startedAt = BASE + start * 3_600_000;
    return length === null ? { customerId, startedAt } : { customerId, startedAt, endedAt: startedAt + length * 3_600_000 };
  });
const asOf = fc.integer({ min: 0, max: 130 * 24 }).map((h) => BASE + h * 3_600_000);

/** Period starts in UTC computed with Date.UTC, independently of the library's calendar code. */
function periodStart(ms: number, period: "day" | "month"): number {
  const d = new Date(ms);
  return period === "day" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}
function nextStart(start: number, period: "day" | "month", k: number): number {
  const d = new Date(start);
  return period === "day" ? start + k * DAY : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1);
}
function label(start: number, period: "day" | "month"): string {
  return new Date(start).toISOString().slice(0, period === "day" ? 10 : 7);
}

/** The definitions read literally. */
function oracle(subs: Subscription[], period: "day" | "month", asOfMs: number) {
  const ids = [...new Set(subs.map((s) => s.customerId))];
  const mine = (id: string | number) => subs.filter((s) => s.customerId === id);
  const active = (id: string | number, t: number) =>
    mine(id).some((s) => (s.startedAt as number) <= t && (s.endedAt == null || t < (s.endedAt as number)));
  const groups = new Map<number, Array<string | number>>();
  for (const id of ids) {
    const first = Math.min(...mine(id).map((s) => s.startedAt as number));
    if (first > asOfMs) continue;
    const start = periodStart(first, period);
    groups.set(start, [...(groups.get(start) ?? []), id]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, members]) => {
      const retention = [100];
      for (let k = 1; nextStart(start, period, k) <= asOfMs; k++) {
        const t = nextStart(start, period, k);
        retention.push((100 * members.filter((id) => active(id, t)).length) / members.length);
      }
      return { cohort: label(start, period), size: members.length, retention };
    });
}

describe("cohortRetention properties", () => {
  it("follows the definitions (UTC days and months)", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), fc.constantFrom<"day" | "month">("day", "month"), asOf, (subs, period, at) => {
        expect(cohortRetention(subs, { period, asOf: at }).cohorts).toEqual(oracle(subs, period, at));
      }),
      { numRuns: 300 },
    );
  });

  it("retention stays within [0, 100], starts at 100, and cohorts ascend and add up", () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 30 }),
        fc.constantFrom("day", "week", "month", "quarter", "year") as fc.Arbitrary<"day" | "week" | "month" | "quarter" | "year">,
        fc.constantFrom("UTC", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham"),
        asOf,
        (subs, period, timeZone, at) => {
          const { cohorts } = cohortRetention(subs, { period, asOf: at, timeZone });
          const customers = new Set(subs.filter((s) => (s.startedAt as number) <= at).map((s) => s.customerId)).size;
          expect(cohorts.reduce((n, c) => n + c.size, 0)).toBe(customers);
          for (const c of cohorts) {
            expect(c.retention[0]).toBe(100);
            for (const r of c.retention) {
              expect(r).toBeGreaterThanOrEqual(0);
              expect(r).toBeLessThanOrEqual(100);
            }
          }
          const labels = cohorts.map((c) => c.cohort);
          expect(new Set(labels).size).toBe(labels.length);
          expect([...labels].sort()).toEqual(labels);
        },
      ),
      { numRuns: 300 },
    );
  });
});
