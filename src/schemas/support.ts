import * as z from "zod";
import { epochOf } from "../internal/date.js";
import { firstOverlap, localDateToDay, overlapText } from "../support/business-hours.js";
import type { BusinessCalendar } from "../support/business-hours.js";
import type { FirstContactCounts, FirstContactTicket, RateOptions } from "../support/fcr.js";
import type {
  FirstResponseTotals,
  FirstResponseTotalsOptions,
  ResponseTimeOptions,
  Ticket,
} from "../support/first-response.js";
import type { ReopenCounts, ReopenTicket } from "../support/reopen.js";
import type { ResolutionTicket } from "../support/resolution.js";
import { type IssueLike, messageOf, onField, says } from "./issue.js";
import { DateInputSchema, DurationUnitSchema, decimalsSchema, nonNegativeInteger, TimeZoneSchema } from "./shared.js";

const TIME_OF_DAY = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const TIME_EXPECTED = "expected a time of day 'HH:MM' from 00:00 to 24:00";
const DATE_EXPECTED = "expected a local date 'YYYY-MM-DD'";
const TOTAL_EXPECTED = "expected a finite, non-negative duration";

/** A local wall-clock time `'HH:MM'` from `00:00` to `24:00` (the end of the day). */
export const TimeOfDaySchema = /* @__PURE__ */ (() => z.string(says(TIME_EXPECTED)).regex(TIME_OF_DAY, says(TIME_EXPECTED)))();

/** One business window `[start, end]` of local wall-clock times, start before end. */
export const BusinessWindowSchema = /* @__PURE__ */ (() =>
  z
    .tuple([TimeOfDaySchema, TimeOfDaySchema], says("expected a window [start, end]"))
    .check(z.refine(([start, end]) => start < end, says("expected a start before the end"))))();

// The schema an overlap issue names as its source, so that zod words it with this `error` once the path is complete.
const overlapWording = /* @__PURE__ */ (() =>
  z.never({
    error: (issue: IssueLike & { readonly params?: Record<string, unknown> | undefined }) => messageOf(issue, String(issue.params?.expected)),
  }))();

/** The windows of one weekday: none of them may overlap another (they may touch). */
export const BusinessDaySchema = /* @__PURE__ */ (() =>
  z.array(BusinessWindowSchema, says("expected an array of windows [start, end]")).check(
    z.superRefine((windows, ctx) => {
      const overlap = firstOverlap(windows);
      if (overlap !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [overlap[0]],
          input: windows[overlap[0]],
          params: { expected: overlapText(overlap[1]) },
          inst: overlapWording,
        });
      }
    }),
  ))();

/** A local date `'YYYY-MM-DD'` that exists in the proleptic Gregorian calendar. */
export const LocalDateSchema = /* @__PURE__ */ (() =>
  z.string(says(DATE_EXPECTED)).check(z.refine((text) => localDateToDay(text) !== undefined, says(DATE_EXPECTED))))();

/** Business windows per weekday; a missing weekday has no business hours. Unknown weekday names are refused. */
export const WeeklyHoursSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      monday: BusinessDaySchema.optional(),
      tuesday: BusinessDaySchema.optional(),
      wednesday: BusinessDaySchema.optional(),
      thursday: BusinessDaySchema.optional(),
      friday: BusinessDaySchema.optional(),
      saturday: BusinessDaySchema.optional(),
      sunday: BusinessDaySchema.optional(),
    },
    says("expected an object"),
  ))();

/**
 * A business calendar: an IANA time zone, weekly windows of local wall-clock time and local holidays without
 * business hours. Unknown keys are refused so typos surface.
 */
export const BusinessCalendarSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      timeZone: TimeZoneSchema,
      weekly: WeeklyHoursSchema,
      holidays: z.array(LocalDateSchema, says("expected an array of local dates 'YYYY-MM-DD'")).optional(),
    },
    says("expected an object"),
  ) satisfies z.ZodType<BusinessCalendar>)();

/** An instant that may be missing or null, but not before `createdAt`. */
function notBefore<K extends string>(key: K) {
  return z
    .object({ createdAt: DateInputSchema, [key]: DateInputSchema.nullable().optional() } as {
      createdAt: typeof DateInputSchema;
    } & Record<K, z.ZodOptional<z.ZodNullable<typeof DateInputSchema>>>, says("expected a ticket object"))
    .check(
      z.refine((t) => {
        const ticket = t as Record<string, unknown>;
        return ticket[key] == null || epochOf(ticket[key]) >= epochOf(ticket.createdAt);
      }, onField(key, "expected an instant not before createdAt")),
    );
}

/**
 * A ticket as `firstResponseTime` reads it: when it was created and when it was first answered (missing or null while
 * unanswered). Other fields are allowed and ignored; the first response may not precede creation.
 */
export const TicketSchema = /* @__PURE__ */ (() => notBefore("firstResponseAt") satisfies z.ZodType<Ticket>)();

/**
 * A ticket as `resolutionTime` reads it: when it was created and when it was resolved (missing or null while open).
 * Other fields are allowed and ignored; the resolution may not precede creation.
 */
export const ResolutionTicketSchema = /* @__PURE__ */ (() => notBefore("resolvedAt") satisfies z.ZodType<ResolutionTicket>)();

/** Options of the duration calculators (`firstResponseTime`, `resolutionTime`); unknown keys are refused. */
export const ResponseTimeOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    { unit: DurationUnitSchema.optional(), businessHours: BusinessCalendarSchema.optional(), decimals: decimalsSchema.optional() },
    says("expected an object"),
  ) satisfies z.ZodType<ResponseTimeOptions>)();

/** The totals form of `firstResponseTime`: total time to first answer (in `unit`) over a number of questions. */
export const FirstResponseTotalsSchema = /* @__PURE__ */ (() =>
  z.object(
    {
      totalFirstResponseTime: z.number(says(TOTAL_EXPECTED)).check(z.gte(0, says(TOTAL_EXPECTED))),
      questions: nonNegativeInteger,
    },
    says("expected { totalFirstResponseTime, questions }"),
  ) satisfies z.ZodType<FirstResponseTotals>)();

/** Options of the totals form of `firstResponseTime`; unknown keys are refused. */
export const FirstResponseTotalsOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    { unit: DurationUnitSchema.optional(), decimals: decimalsSchema.optional() },
    says("expected an object"),
  ) satisfies z.ZodType<FirstResponseTotalsOptions>)();

/** Options of the support rates (`firstContactResolutionRate`, `reopenRate`); unknown keys are refused. */
export const RateOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ decimals: decimalsSchema.optional() }, says("expected an object")) satisfies z.ZodType<RateOptions>)();

/** A ticket as `firstContactResolutionRate` reads it (other fields are ignored). */
export const FirstContactTicketSchema = /* @__PURE__ */ (() =>
  z.object(
    { resolved: z.boolean(says("expected true or false")), agentReplies: nonNegativeInteger },
    says("expected a ticket object"),
  ) satisfies z.ZodType<FirstContactTicket>)();

/** The counts form of `firstContactResolutionRate`: resolvedOnFirstContact <= resolved. */
export const FirstContactCountsSchema = /* @__PURE__ */ (() =>
  z
    .object({ resolvedOnFirstContact: nonNegativeInteger, resolved: nonNegativeInteger }, says("expected { resolvedOnFirstContact, resolved }"))
    .check(
      z.refine((c) => c.resolvedOnFirstContact <= c.resolved, onField("resolvedOnFirstContact", "expected resolvedOnFirstContact <= resolved")),
    ) satisfies z.ZodType<FirstContactCounts>)();

/** A ticket as `reopenRate` reads it (other fields are ignored). */
export const ReopenTicketSchema = /* @__PURE__ */ (() =>
  z.object({ reopens: nonNegativeInteger }, says("expected a ticket object")) satisfies z.ZodType<ReopenTicket>)();

/** The counts form of `reopenRate`: reopened <= total. */
export const ReopenCountsSchema = /* @__PURE__ */ (() =>
  z
    .object({ reopened: nonNegativeInteger, total: nonNegativeInteger }, says("expected { reopened, total }"))
    .check(z.refine((c) => c.reopened <= c.total, onField("reopened", "expected reopened <= total"))) satisfies z.ZodType<ReopenCounts>)();
