import { describe, expectTypeOf, it } from "vitest";
import {
  type BusinessCalendar,
  businessDuration,
  type DateInput,
  type DurationUnit,
  type FirstContactResolutionResult,
  firstContactResolutionRate,
  firstResponseTime,
  type ReopenRateResult,
  type ResolutionTimeResult,
  type ResponseTimeOptions,
  type ResponseTimeResult,
  type ResponseTimeTotalsResult,
  reopenRate,
  resolutionTime,
} from "../../src/index.js";

const calendar: BusinessCalendar = { timeZone: "Europe/Budapest", weekly: { monday: [["09:00", "17:00"]] }, holidays: ["2026-12-25"] };

describe("support signatures", () => {
  it("firstResponseTime: tickets give the full result, totals give the mean", () => {
    expectTypeOf(firstResponseTime([{ createdAt: new Date(), firstResponseAt: "2026-11-23T09:00:00Z" }])).toEqualTypeOf<ResponseTimeResult>();
    expectTypeOf(firstResponseTime([{ createdAt: 0, firstResponseAt: null }], { unit: "hours", businessHours: calendar, decimals: 1 })).toEqualTypeOf<ResponseTimeResult>();
    expectTypeOf(firstResponseTime({ totalFirstResponseTime: 600, questions: 40 }, { unit: "seconds" })).toEqualTypeOf<ResponseTimeTotalsResult>();
    expectTypeOf<ResponseTimeResult["metric"]>().toEqualTypeOf<"firstResponseTime">();
    expectTypeOf<ResponseTimeResult["unit"]>().toEqualTypeOf<DurationUnit>();
    expectTypeOf<ResponseTimeOptions["unit"]>().toEqualTypeOf<DurationUnit | undefined>();
    expectTypeOf<DurationUnit>().toEqualTypeOf<"milliseconds" | "seconds" | "minutes" | "hours" | "days">();
    expectTypeOf<DateInput>().toEqualTypeOf<Date | string | number>();
  });

  it("firstResponseTime refuses a misspelt option, an unknown unit and business hours on totals", () => {
    // @ts-expect-error options are checked
    firstResponseTime([{ createdAt: 0 }], { units: "hours" });
    // @ts-expect-error units are named
    firstResponseTime([{ createdAt: 0 }], { unit: "weeks" });
    // @ts-expect-error the totals form has no calendar
    firstResponseTime({ totalFirstResponseTime: 1, questions: 1 }, { businessHours: calendar });
  });

  it("resolutionTime, the rates and businessDuration", () => {
    expectTypeOf(resolutionTime([{ createdAt: 0, resolvedAt: 1 }])).toEqualTypeOf<ResolutionTimeResult>();
    expectTypeOf<ResolutionTimeResult["metric"]>().toEqualTypeOf<"resolutionTime">();
    expectTypeOf(firstContactResolutionRate([{ resolved: true, agentReplies: 1 }])).toEqualTypeOf<FirstContactResolutionResult>();
    expectTypeOf(firstContactResolutionRate({ resolvedOnFirstContact: 1, resolved: 2 })).toEqualTypeOf<FirstContactResolutionResult>();
    expectTypeOf<FirstContactResolutionResult["metric"]>().toEqualTypeOf<"firstContactResolution">();
    expectTypeOf(reopenRate([{ reopens: 0 }])).toEqualTypeOf<ReopenRateResult>();
    expectTypeOf(reopenRate({ reopened: 1, total: 2 }, { decimals: 1 })).toEqualTypeOf<ReopenRateResult>();
    expectTypeOf<ReopenRateResult["metric"]>().toEqualTypeOf<"reopenRate">();
    expectTypeOf(businessDuration("2026-11-23T09:00:00Z", new Date(), calendar)).toEqualTypeOf<number>();
    // @ts-expect-error weekdays are named
    businessDuration(0, 1, { timeZone: "UTC", weekly: { mondays: [] } });
  });
});
