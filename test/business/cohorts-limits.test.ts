import { describe, expect, it } from "vitest";
import { cohortRetention, MAX_COHORT_ENTRIES } from "../../src/business/cohorts.js";
import { businessDuration } from "../../src/index.js";
import { errorOf, failure } from "../helpers/errors.js";

const MAX = 8.64e15;
const DAY = 86_400_000;

describe("cohortRetention bounds the work of a call", () => {
  it.each(["day", "week", "month"] as const)("a cohort followed over the whole range of a Date by %s is OUT_OF_RANGE, before any work", (period) => {
    const e = errorOf(() => cohortRetention([{ customerId: 1, startedAt: -MAX }], { period, asOf: MAX }));
    expect(e.code).toBe("OUT_OF_RANGE");
    expect(e.issues[0]!.path).toEqual(["subscriptions", 0, "startedAt"]);
    expect(e.message).toContain(`over the limit of ${MAX_COHORT_ENTRIES} per call`);
  });

  it("the limit counts the entries of all cohorts together", () => {
    // 1,001 day cohorts followed for 1,000 days each: about 500,000 entries fit; twice as many days do not.
    const subscriptions = Array.from({ length: 1001 }, (_, i) => ({ customerId: i, startedAt: i * DAY }));
    expect(cohortRetention(subscriptions, { period: "day", asOf: 1000 * DAY }).cohorts).toHaveLength(1001);
    const wide = Array.from({ length: 1415 }, (_, i) => ({ customerId: i, startedAt: i * DAY }));
    const e = errorOf(() => cohortRetention(wide, { period: "day", asOf: 1414 * DAY }));
    expect(e.code).toBe("OUT_OF_RANGE");
    expect(e.issues[0]!.path[1]).toBeGreaterThan(1000);
  });

  it("exactly the limit is computed", () => {
    const r = cohortRetention([{ customerId: 1, startedAt: 0 }], { period: "day", asOf: (MAX_COHORT_ENTRIES - 1) * DAY });
    expect(r.cohorts[0]!.retention).toHaveLength(MAX_COHORT_ENTRIES);
    expect(failure(() => cohortRetention([{ customerId: 1, startedAt: 0 }], { period: "day", asOf: MAX_COHORT_ENTRIES * DAY }))).toBe(
      "OUT_OF_RANGE cohortRetention: subscriptions[0].startedAt is 0, its cohort (1970-01-01) followed to options.asOf brings the retention entries to 1000001, over the limit of 1000000 per call: use a longer period or an earlier asOf",
    );
  });

  it("the whole range of a Date by year is computed, and the customer is active until it ends", () => {
    const r = cohortRetention([{ customerId: 1, startedAt: -MAX, endedAt: 0 }], { period: "year", asOf: MAX });
    const retention = r.cohorts[0]!.retention;
    expect(r.cohorts[0]!.cohort).toBe("-271821");
    expect(retention).toHaveLength(275760 + 271821 + 1);
    // Active at the start of every year up to 1970-01-01 (the end is exclusive), gone after.
    expect(retention.indexOf(0)).toBe(1970 + 271821);
    expect(retention.slice(0, 1970 + 271821).every((x) => x === 100)).toBe(true);
  });
});

describe("months before year 0 follow each other in order", () => {
  it("a running customer from the earliest instant is retained in every month, not zero in the first twelve", () => {
    const r = cohortRetention([{ customerId: 1, startedAt: -MAX }], { period: "month", asOf: -MAX + 400 * DAY });
    expect(r.cohorts[0]!.cohort).toBe("-271821-04");
    expect(r.cohorts[0]!.retention).toEqual(Array(14).fill(100));
  });

  it("a customer of 2 BC who leaves in March is counted in January and February only", () => {
    const jan = Date.UTC(-1, 0, 1);
    const r = cohortRetention([{ customerId: 1, startedAt: Date.UTC(-1, 0, 1), endedAt: Date.UTC(-1, 2, 15) }], {
      period: "month",
      asOf: Date.UTC(-1, 5, 1),
    });
    expect(jan).toBeLessThan(0);
    expect(r.cohorts[0]!.cohort).toBe("-0001-01");
    expect(r.cohorts[0]!.retention).toEqual([100, 100, 100, 0, 0, 0]);
  });
});

describe("businessDuration near the ends of the range of a Date", () => {
  const calendar = { timeZone: "Europe/Budapest", weekly: { monday: [["09:00", "17:00"]] as Array<[string, string]> } };
  it.each([
    [MAX - 14 * DAY, MAX],
    [-MAX, -MAX + 14 * DAY],
  ])("from %s to %s is two Mondays of business time", (from, to) => {
    expect(businessDuration(from, to, calendar)).toBe(2 * 8 * 3_600_000);
  });
});
