// The hand-written readers on the hot paths must give the exported zod schemas' verdicts (accept or reject, and the
// same first bad index), and the statistics must obey their laws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  BusinessCalendarSchema,
  businessDuration,
  CxMetricsError,
  FirstContactCountsSchema,
  FirstContactTicketSchema,
  FirstResponseTotalsOptionsSchema,
  FirstResponseTotalsSchema,
  firstContactResolutionRate,
  firstResponseTime,
  ReopenCountsSchema,
  ReopenTicketSchema,
  RateOptionsSchema,
  ResolutionTicketSchema,
  ResponseTimeOptionsSchema,
  reopenRate,
  resolutionTime,
  TicketSchema,
} from "../../src/index.js";
import { epochOf } from "../../src/internal/date.js";
import { instant } from "../../src/support/ticket-durations.js";

/** The verdict of a calculator as a validator: undefined when accepted (EMPTY_INPUT counts as accepted), else the path. */
function verdict(run: () => unknown): ReadonlyArray<PropertyKey> | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof CxMetricsError)) throw error;
    return error.code === "EMPTY_INPUT" ? undefined : error.issues[0]!.path;
  }
}

const T0 = Date.UTC(2026, 10, 23, 9);
const dateValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: T0, max: T0 + 1e7 }) },
  { weight: 3, arbitrary: fc.integer({ min: T0, max: T0 + 1e7 }).map((t) => new Date(t).toISOString()) },
  { weight: 1, arbitrary: fc.integer({ min: T0, max: T0 + 1e7 }).map((t) => new Date(t)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      9e15,
      "2026-11-23",
      "2026-11-23T09:00:00",
      "2026-11-23T09:00:00+01:00",
      "",
      new Date(Number.NaN),
      true,
      {},
      [],
    ),
  },
);
const endValue = fc.oneof({ weight: 5, arbitrary: dateValue }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) });

function ticketArb(endKey: string) {
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ createdAt: dateValue, [endKey]: endValue, note: fc.string() }, { requiredKeys: ["createdAt"] }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, "ticket", [1, 2], undefined) },
  );
}

describe("ticket validators agree with the ticket schemas", () => {
  const cases = [
    ["firstResponseTime", "firstResponseAt", TicketSchema, (t: unknown[]) => firstResponseTime(t as never)],
    ["resolutionTime", "resolvedAt", ResolutionTicketSchema, (t: unknown[]) => resolutionTime(t as never)],
  ] as const;

  it.each(cases)("%s: same verdict and same first bad index", (_name, endKey, schema, run) => {
    const arraySchema = z.array(schema);
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(ticketArb(endKey), { maxLength: 8 }), (tickets) => {
        const parsed = arraySchema.safeParse(tickets);
        if (parsed.success) accepted++;
        const path = verdict(() => run(tickets));
        expect(path === undefined).toBe(parsed.success);
        if (!parsed.success && path !== undefined) expect(path[1]).toBe(parsed.error.issues[0]!.path[0]);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2700);
  });

  it("the ISO shortcut reads instants exactly as epochOf does", () => {
    const iso = fc.integer({ min: -62167219200000, max: 253402300799999 }).map((t) => new Date(t).toISOString());
    const mutated = fc
      .tuple(iso, fc.nat(23), fc.constantFrom(..."0123456789:-TZz.+ x"), fc.boolean())
      .map(([text, at, ch, trim]) => {
        const changed = text.slice(0, at) + ch + text.slice(at + 1);
        return trim ? changed.replace(".", "").replace(/\d{3}Z$/, "Z") : changed;
      });
    const edges = fc.constantFrom(
      "2026-02-29T00:00:00Z",
      "2026-02-30T00:00:00.000Z",
      "2026-04-31T12:00:00Z",
      "2026-12-31T24:00:00Z",
      "2026-12-31T23:59:60Z",
      "2026-00-10T00:00:00Z",
      "0000-01-01T00:00:00.000Z",
      "2026-11-23T09:00:00.12Z",
      "+02026-11-23T09:00Z",
    );
    fc.assert(
      fc.property(fc.oneof(iso, mutated, edges, fc.string({ maxLength: 24 })), (text) => {
        expect(Object.is(instant(text), epochOf(text)) || instant(text) === epochOf(text)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    expect(instant(5)).toBe(5);
    expect(instant(new Date(7))).toBe(7);
  });
});

describe("option and count readers agree with their schemas", () => {
  const anyValue = fc.oneof(
    fc.integer({ min: -3, max: 20 }),
    fc.double({ min: -5, max: 20 }),
    fc.constantFrom<unknown>(Number.NaN, null, "minutes", "hours", "weeks", true, [], {}, undefined),
  );
  const tickets = [{ createdAt: T0, firstResponseAt: T0 + 60_000 }];
  const validCalendar = { timeZone: "UTC", weekly: { monday: [["09:00", "17:00"]] } };

  it("firstResponseTime options (tickets and totals forms)", () => {
    const keys = ["unit", "decimals", "businessHours", "typo"];
    const arb = fc.dictionary(fc.constantFrom(...keys), fc.oneof(anyValue, fc.constant(validCalendar)), { maxKeys: 3 });
    fc.assert(
      fc.property(arb, (options) => {
        expect(verdict(() => firstResponseTime(tickets, options as never)) === undefined).toBe(ResponseTimeOptionsSchema.safeParse(options).success);
        const totals = { totalFirstResponseTime: 10, questions: 2 };
        expect(verdict(() => firstResponseTime(totals, options as never)) === undefined).toBe(
          FirstResponseTotalsOptionsSchema.safeParse(options).success,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("totals", () => {
    fc.assert(
      fc.property(fc.record({ totalFirstResponseTime: anyValue, questions: anyValue }, { requiredKeys: [] }), (totals) => {
        expect(verdict(() => firstResponseTime(totals as never)) === undefined).toBe(FirstResponseTotalsSchema.safeParse(totals).success);
      }),
      { numRuns: 3000 },
    );
  });

  it("business calendars", () => {
    const time = fc.oneof(
      {
        weight: 12,
        arbitrary: fc
          .integer({ min: 0, max: 96 })
          .map((q) => `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`),
      },
      { weight: 1, arbitrary: fc.constantFrom<unknown>("24:30", "9:00", "12:60", 9, "", null) },
    );
    const window = fc.oneof(
      { weight: 20, arbitrary: fc.tuple(time, time).map(([a, b]) => (typeof a === "string" && typeof b === "string" && b < a ? [b, a] : [a, b])) },
      { weight: 1, arbitrary: fc.tuple(time, time) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>("09:00-17:00", ["09:00"], ["09:00", "10:00", "11:00"], null) },
    );
    const day = fc.oneof(
      { weight: 12, arbitrary: fc.array(window, { maxLength: 2 }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>({}, "x", undefined) },
    );
    const weekly = fc.oneof(
      { weight: 12, arbitrary: fc.dictionary(fc.constantFrom("monday", "tuesday", "sunday", "saturday", "mondays"), day, { maxKeys: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], "weekdays") },
    );
    const holiday = fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      },
      { weight: 1, arbitrary: fc.constantFrom<unknown>("2026-02-29", "2028-02-29", "2026-13-01", "2026-1-1", 20260101, null) },
    );
    const calendarArb = fc.oneof(
      {
        weight: 10,
        arbitrary: fc.record(
          {
            timeZone: fc.oneof(
              { weight: 8, arbitrary: fc.constantFrom<unknown>("UTC", "Europe/Budapest") },
              { weight: 1, arbitrary: fc.constantFrom<unknown>("Mars/Base", "", 1, undefined) },
            ),
            weekly,
            holidays: fc.oneof(fc.array(holiday, { maxLength: 2 }), fc.constantFrom<unknown>("2026-12-25", undefined)),
          },
          { requiredKeys: ["timeZone", "weekly"] },
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "UTC", [], 0) },
    );
    const withTypo = fc.tuple(calendarArb, fc.nat(9)).map(([cal, k]) => (k === 0 && typeof cal === "object" && cal !== null ? { ...cal, extra: 1 } : cal));
    let accepted = 0;
    fc.assert(
      fc.property(withTypo, (cal) => {
        const ok = BusinessCalendarSchema.safeParse(cal).success;
        if (ok) accepted++;
        expect(verdict(() => businessDuration(0, 1, cal as never)) === undefined).toBe(ok);
      }),
      { numRuns: 5000 },
    );
    // Both verdicts are well represented.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(4500);
  });

  it("first-contact resolution tickets, counts and options", () => {
    const fcrTicket = fc.oneof(
      { weight: 10, arbitrary: fc.record({ resolved: fc.oneof(fc.boolean(), anyValue), agentReplies: anyValue }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 1, [true, 1]) },
    );
    fc.assert(
      fc.property(fc.array(fcrTicket, { maxLength: 6 }), (list) => {
        const parsed = z.array(FirstContactTicketSchema).safeParse(list);
        const path = verdict(() => firstContactResolutionRate(list as never));
        expect(path === undefined).toBe(parsed.success);
        if (!parsed.success && path !== undefined) expect(path[1]).toBe(parsed.error.issues[0]!.path[0]);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.record({ resolvedOnFirstContact: anyValue, resolved: anyValue }, { requiredKeys: [] }), anyValue, (counts, decimals) => {
        expect(verdict(() => firstContactResolutionRate(counts as never)) === undefined).toBe(FirstContactCountsSchema.safeParse(counts).success);
        const options = { decimals };
        expect(verdict(() => firstContactResolutionRate({ resolvedOnFirstContact: 1, resolved: 2 }, options as never)) === undefined).toBe(
          RateOptionsSchema.safeParse(options).success,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("reopen tickets and counts", () => {
    const reopenTicket = fc.oneof(
      { weight: 10, arbitrary: fc.record({ reopens: anyValue }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 1, []) },
    );
    fc.assert(
      fc.property(fc.array(reopenTicket, { maxLength: 6 }), (list) => {
        const parsed = z.array(ReopenTicketSchema).safeParse(list);
        const path = verdict(() => reopenRate(list as never));
        expect(path === undefined).toBe(parsed.success);
        if (!parsed.success && path !== undefined) expect(path[1]).toBe(parsed.error.issues[0]!.path[0]);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.record({ reopened: anyValue, total: anyValue }, { requiredKeys: [] }), (counts) => {
        expect(verdict(() => reopenRate(counts as never)) === undefined).toBe(ReopenCountsSchema.safeParse(counts).success);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("response-time statistics laws", () => {
  const durations = fc.array(fc.integer({ min: 0, max: 30 * 86_400_000 }), { minLength: 1, maxLength: 60 });
  const unit = fc.constantFrom("milliseconds" as const, "seconds" as const, "minutes" as const, "hours" as const, "days" as const);
  const decimals = fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined });

  it("percentiles are monotone: min <= median <= p90 <= max, and the mean lies within [min, max]", () => {
    fc.assert(
      fc.property(durations, unit, decimals, (ds, u, d) => {
        const tickets = ds.map((ms) => ({ createdAt: T0, firstResponseAt: T0 + ms }));
        const r = firstResponseTime(tickets, d === undefined ? { unit: u } : { unit: u, decimals: d });
        expect(r.min).toBeLessThanOrEqual(r.median);
        expect(r.median).toBeLessThanOrEqual(r.p90);
        expect(r.p90).toBeLessThanOrEqual(r.max);
        expect(r.mean).toBeGreaterThanOrEqual(r.min);
        expect(r.mean).toBeLessThanOrEqual(r.max);
      }),
      { numRuns: 1000 },
    );
  });

  it("the order of the tickets does not matter, and the mean is the documents' total / count", () => {
    fc.assert(
      fc.property(durations, (ds) => {
        const tickets = ds.map((ms) => ({ createdAt: T0, firstResponseAt: T0 + ms }));
        const r = firstResponseTime(tickets, { unit: "milliseconds" });
        expect(firstResponseTime([...tickets].reverse(), { unit: "milliseconds" })).toEqual(r);
        const total = ds.reduce((s, x) => s + x, 0);
        expect(r.mean).toBe(total / ds.length);
        expect(firstResponseTime({ totalFirstResponseTime: total, questions: ds.length }, { unit: "milliseconds" }).mean).toBe(r.mean);
      }),
      { numRuns: 500 },
    );
  });

  it("resolution time with a 24/7 UTC calendar equals it without one", () => {
    const utc = {
      timeZone: "UTC",
      weekly: Object.fromEntries(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((d) => [d, [["00:00", "24:00"]]]),
      ),
    };
    fc.assert(
      fc.property(durations, (ds) => {
        const tickets = ds.map((ms, i) => ({ createdAt: T0 + i * 7_919_000, resolvedAt: T0 + i * 7_919_000 + ms }));
        expect(resolutionTime(tickets, { businessHours: utc as never })).toEqual(resolutionTime(tickets));
      }),
      { numRuns: 300 },
    );
  });
});
