import { describe, expect, it } from "vitest";
import { ChurnPeriodSchema, churnFromSubscriptions, SubscriptionSchema } from "../../src/index.js";
import { failure } from "./helpers.js";

const JAN = { periodStart: "2026-01-01T00:00:00Z", periodEnd: "2026-02-01T00:00:00Z" };
const at = (day: string) => `2026-${day}T00:00:00Z`;

describe("churnFromSubscriptions", () => {
  it("counts the kept, the lost, the new and the reactivated", () => {
    const r = churnFromSubscriptions(
      [
        { customerId: "kept", startedAt: "2025-06-01T00:00:00Z" },
        { customerId: "lost", startedAt: "2025-06-01T00:00:00Z", endedAt: at("01-15") },
        { customerId: "back", startedAt: "2025-03-01T00:00:00Z", endedAt: "2025-09-01T00:00:00Z" },
        { customerId: "back", startedAt: at("01-20") },
        { customerId: "new", startedAt: at("01-10") },
      ],
      JAN,
    );
    expect(r).toEqual({
      metric: "churn",
      rate: 50,
      retentionRate: 50,
      customersAtStart: 2,
      customersLost: 1,
      customersAtEnd: 3,
      newCustomers: 1,
      reactivated: 1,
    });
  });

  it("reproduces the worked example of docs/churn.md, where e starts and leaves within the period", () => {
    const r = churnFromSubscriptions(
      [
        { customerId: "a", startedAt: "2025-06-01T00:00:00Z" },
        { customerId: "b", startedAt: "2025-06-01T00:00:00Z", endedAt: at("01-15") },
        { customerId: "c", startedAt: "2025-03-01T00:00:00Z", endedAt: "2025-09-01T00:00:00Z" },
        { customerId: "c", startedAt: at("01-20") },
        { customerId: "d", startedAt: at("01-10") },
        { customerId: "e", startedAt: at("01-05"), endedAt: at("01-25") },
      ],
      JAN,
    );
    expect(r).toMatchObject({ rate: 50, customersAtStart: 2, customersLost: 1, customersAtEnd: 3, newCustomers: 1, reactivated: 1 });
  });

  it("a customer who left and came back within the period is not lost", () => {
    const r = churnFromSubscriptions(
      [
        { customerId: 1, startedAt: "2025-01-01T00:00:00Z", endedAt: at("01-10") },
        { customerId: 1, startedAt: at("01-20"), endedAt: null },
        { customerId: 2, startedAt: "2025-01-01T00:00:00Z" },
      ],
      JAN,
    );
    expect(r).toMatchObject({ customersAtStart: 2, customersLost: 0, customersAtEnd: 2, newCustomers: 0, reactivated: 0, rate: 0 });
  });

  it("a customer who starts and leaves within the period counts nowhere", () => {
    const r = churnFromSubscriptions(
      [
        { customerId: "a", startedAt: "2025-01-01T00:00:00Z" },
        { customerId: "b", startedAt: at("01-05"), endedAt: at("01-25") },
      ],
      JAN,
    );
    expect(r).toMatchObject({ customersAtStart: 1, customersLost: 0, customersAtEnd: 1, newCustomers: 0, reactivated: 0 });
  });

  it("bounds are half-open: starting at periodStart is active at the start, ending at periodEnd is lost", () => {
    const r = churnFromSubscriptions(
      [
        { customerId: "a", startedAt: JAN.periodStart, endedAt: JAN.periodEnd },
        { customerId: "b", startedAt: JAN.periodEnd },
        { customerId: "c", startedAt: "2025-12-01T00:00:00Z", endedAt: JAN.periodStart },
      ],
      JAN,
    );
    expect(r).toMatchObject({ customersAtStart: 1, customersLost: 1, customersAtEnd: 1, newCustomers: 1, rate: 100 });
  });

  it("overlapping subscriptions of one customer count once", () => {
    const r = churnFromSubscriptions(
      [
        { customerId: "a", startedAt: "2025-01-01T00:00:00Z" },
        { customerId: "a", startedAt: "2025-02-01T00:00:00Z", endedAt: at("01-10") },
        { customerId: "b", startedAt: "2025-01-01T00:00:00Z", endedAt: at("01-10") },
      ],
      JAN,
    );
    expect(r).toMatchObject({ customersAtStart: 2, customersLost: 1, customersAtEnd: 1 });
  });

  it("accepts Dates, epoch milliseconds and offsets, and tells 1 from '1'", () => {
    const r = churnFromSubscriptions(
      [
        { customerId: 1, startedAt: new Date("2025-01-01T00:00:00Z") },
        { customerId: "1", startedAt: Date.UTC(2025, 0, 1), endedAt: "2026-01-15T02:00:00+02:00" },
      ],
      { periodStart: new Date(JAN.periodStart), periodEnd: Date.parse(JAN.periodEnd) },
    );
    expect(r).toMatchObject({ customersAtStart: 2, customersLost: 1, rate: 50 });
  });

  it("rounds the rates with decimals", () => {
    const subs = [0, 1, 2].map((i) => ({ customerId: i, startedAt: 0, endedAt: i === 0 ? 5 : null }));
    expect(churnFromSubscriptions(subs, { periodStart: 1, periodEnd: 10 }, { decimals: 1 })).toMatchObject({ rate: 33.3, retentionRate: 66.7 });
  });

  it("no customer active at periodStart is EMPTY_INPUT", () => {
    expect(failure(() => churnFromSubscriptions([], JAN))).toMatchInlineSnapshot(`"EMPTY_INPUT churnFromSubscriptions: no customer is active at period.periodStart: the churn of no customers is undefined"`);
    expect(failure(() => churnFromSubscriptions([{ customerId: "a", startedAt: at("01-02") }], JAN))).toMatchInlineSnapshot(`"EMPTY_INPUT churnFromSubscriptions: no customer is active at period.periodStart: the churn of no customers is undefined"`);
  });

  it("names the record's index for bad records", () => {
    const ok = { customerId: "a", startedAt: "2025-01-01T00:00:00Z" };
    expect(failure(() => churnFromSubscriptions([ok, { ...ok, endedAt: "2025-13-01" }], JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: subscriptions[1].endedAt is "2025-13-01", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`);
    expect(failure(() => churnFromSubscriptions([ok, ok, ok, { ...ok, endedAt: "x" }], JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: subscriptions[3].endedAt is "x", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`);
    expect(failure(() => churnFromSubscriptions([ok, { ...ok, startedAt: "2025-01-01" }], JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: subscriptions[1].startedAt is "2025-01-01", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`);
    expect(failure(() => churnFromSubscriptions([ok, { startedAt: ok.startedAt } as never], JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: subscriptions[1].customerId is missing, expected a customer id: a non-empty string or a finite number"`);
    expect(failure(() => churnFromSubscriptions([{ ...ok, customerId: "" }], JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: subscriptions[0].customerId is "", expected a customer id: a non-empty string or a finite number"`);
    expect(failure(() => churnFromSubscriptions([{ ...ok, customerId: Number.NaN }], JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: subscriptions[0].customerId is NaN, expected a customer id: a non-empty string or a finite number"`);
    expect(failure(() => churnFromSubscriptions([ok, null as never], JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: subscriptions[1] is null, expected an object"`);
    expect(failure(() => churnFromSubscriptions([{ ...ok, endedAt: "2024-12-31T23:59:59Z" }], JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: subscriptions[0].endedAt is "2024-12-31T23:59:59Z", expected endedAt on or after startedAt ("2025-01-01T00:00:00Z")"`);
    expect(failure(() => churnFromSubscriptions({ length: 0 } as never, JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: subscriptions is an object, expected an array of subscriptions"`);
  });

  it("a record whose getter throws is INVALID_INPUT, never a stray exception", () => {
    const record = Object.defineProperty({ startedAt: 0 }, "customerId", {
      get() {
        throw new Error("row is locked");
      },
    });
    expect(failure(() => churnFromSubscriptions([record as never], JAN))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: input could not be read (row is locked)"`);
  });

  it("refuses a bad period", () => {
    const subs = [{ customerId: "a", startedAt: "2025-01-01T00:00:00Z" }];
    expect(failure(() => churnFromSubscriptions(subs, { periodStart: JAN.periodEnd, periodEnd: JAN.periodStart }))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: period.periodEnd is "2026-01-01T00:00:00Z", expected an instant after periodStart"`);
    expect(failure(() => churnFromSubscriptions(subs, { periodStart: JAN.periodStart, periodEnd: JAN.periodStart }))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: period.periodEnd is "2026-01-01T00:00:00Z", expected an instant after periodStart"`);
    expect(failure(() => churnFromSubscriptions(subs, { periodStart: "January", periodEnd: JAN.periodEnd }))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: period.periodStart is "January", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`);
    expect(failure(() => churnFromSubscriptions(subs, { ...JAN, timeZone: "UTC" } as never))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: period has unknown key "timeZone""`);
    expect(failure(() => churnFromSubscriptions(subs, undefined as never))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: period is missing, expected an object with periodStart and periodEnd"`);
    expect(failure(() => churnFromSubscriptions(subs, JAN, { decimals: 99 }))).toMatchInlineSnapshot(`"INVALID_INPUT churnFromSubscriptions: options.decimals is 99, expected an integer from 0 to 15"`);
  });

  it("the schemas accept extra keys on records and refuse them on the period", () => {
    expect(SubscriptionSchema.safeParse({ customerId: 5, startedAt: 0, plan: "pro" }).success).toBe(true);
    expect(SubscriptionSchema.safeParse({ customerId: 5, startedAt: 10, endedAt: 5 }).success).toBe(false);
    expect(ChurnPeriodSchema.safeParse({ ...JAN, plan: "pro" }).success).toBe(false);
  });
});
