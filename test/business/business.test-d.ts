import { describe, expectTypeOf, it } from "vitest";
import {
  type ChurnResult,
  type ClvResult,
  type CohortRetentionResult,
  churnFromSubscriptions,
  churnRate,
  clv,
  clvFromChurn,
  cohortRetention,
  convertChurnRate,
  type HistoricalClvResult,
  historicalClv,
  type Money,
  purchaseFrequency,
  repeatCustomerRate,
  retentionRate,
  revenueChurn,
  type Subscription,
  type SubscriptionChurnResult,
  type Transaction,
} from "../../src/index.js";
import type { DateInput } from "../../src/internal/date.js";

describe("business signatures", () => {
  it("money is a number or a string", () => {
    expectTypeOf<Money>().toEqualTypeOf<number | string>();
    expectTypeOf<DateInput>().toEqualTypeOf<Date | string | number>();
  });

  it("clv and clvFromChurn take money and return ClvResult", () => {
    expectTypeOf(clv).parameter(0).toEqualTypeOf<{ annualRevenuePerCustomer: Money; relationshipYears: number; acquisitionCost: Money }>();
    expectTypeOf(clv).returns.toEqualTypeOf<ClvResult>();
    expectTypeOf(clvFromChurn).returns.toEqualTypeOf<ClvResult>();
    expectTypeOf<ClvResult["metric"]>().toEqualTypeOf<"clv">();
    expectTypeOf<ClvResult["expectedLifetimePeriods"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error churnRate is required
    clvFromChurn({ revenuePerPeriod: 1 });
    // @ts-expect-error unknown option
    clv({ annualRevenuePerCustomer: 1, relationshipYears: 1, acquisitionCost: 0 }, { round: 2 });
  });

  it("churn and retention rates", () => {
    expectTypeOf(churnRate).returns.toEqualTypeOf<ChurnResult>();
    expectTypeOf<ChurnResult["metric"]>().toEqualTypeOf<"churn">();
    expectTypeOf(retentionRate).returns.toHaveProperty("rate").toEqualTypeOf<number>();
    expectTypeOf(revenueChurn).returns.toHaveProperty("netRevenueRetention").toEqualTypeOf<number>();
    expectTypeOf(convertChurnRate).toEqualTypeOf<(rate: number, periods: number) => number>();
  });

  it("record-based calculators take subscriptions and transactions", () => {
    expectTypeOf<Subscription>().toMatchTypeOf<{ customerId: string | number; startedAt: DateInput }>();
    expectTypeOf<Transaction>().toMatchTypeOf<{ customerId: string | number; at: DateInput }>();
    expectTypeOf(churnFromSubscriptions).returns.toEqualTypeOf<SubscriptionChurnResult>();
    expectTypeOf<SubscriptionChurnResult>().toMatchTypeOf<ChurnResult>();
    expectTypeOf(cohortRetention).returns.toEqualTypeOf<CohortRetentionResult>();
    expectTypeOf<CohortRetentionResult["cohorts"][number]>().toEqualTypeOf<{ cohort: string; size: number; retention: number[] }>();
    expectTypeOf(historicalClv).returns.toEqualTypeOf<HistoricalClvResult>();
    expectTypeOf(repeatCustomerRate).returns.toHaveProperty("repeatCustomers").toEqualTypeOf<number>();
    expectTypeOf(purchaseFrequency).returns.toHaveProperty("perCustomer").toEqualTypeOf<number>();
    // @ts-expect-error period must be one of the calendar periods
    cohortRetention([], { period: "fortnight", asOf: 0 });
  });
});
