import { describe, expect, it } from "vitest";
import { firstResponseTime, TicketSchema } from "../../src/index.js";
import fixtures from "../fixtures/support.json" with { type: "json" };
import { calendar, errorOf, failure, MINUTE } from "./helpers.js";

function withCalendar(options: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (options === undefined || typeof options.businessHours !== "string") return options;
  return { ...options, businessHours: calendar(options.businessHours) };
}

describe("firstResponseTime fixtures", () => {
  it.each(fixtures.firstResponseTime.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const options = withCalendar((f as { options?: Record<string, unknown> }).options);
    expect(firstResponseTime(f.tickets as never, options as never)).toEqual(f.expected);
  });

  it.each(fixtures.firstResponseTotals.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(firstResponseTime(f.totals, (f as { options?: object }).options as never)).toEqual(f.expected);
  });
});

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9) + minutes * MINUTE).toISOString();
const answeredAfter = (...minutes: number[]) => minutes.map((m) => ({ createdAt: at(0), firstResponseAt: at(m) }));

describe("firstResponseTime", () => {
  it("interpolates percentiles linearly: [1, 2, 3, 4] minutes have median 2.5 and p90 3.7", () => {
    expect(firstResponseTime(answeredAfter(4, 1, 3, 2))).toMatchObject({ median: 2.5, p90: 3.7, min: 1, max: 4 });
  });

  it("one answered ticket is its own mean, median, p90, min and max", () => {
    expect(firstResponseTime(answeredAfter(7))).toMatchObject({ mean: 7, median: 7, p90: 7, min: 7, max: 7, answered: 1 });
  });

  it("reports in every unit", () => {
    const tickets = answeredAfter(90);
    expect(firstResponseTime(tickets, { unit: "milliseconds" }).mean).toBe(90 * MINUTE);
    expect(firstResponseTime(tickets, { unit: "seconds" }).mean).toBe(5400);
    expect(firstResponseTime(tickets, { unit: "minutes" }).mean).toBe(90);
    expect(firstResponseTime(tickets, { unit: "hours" }).mean).toBe(1.5);
    expect(firstResponseTime(tickets, { unit: "days" }).mean).toBe(0.0625);
  });

  it("rounds half away from zero once, at the end", () => {
    // 1 and 2 minutes in hours: mean 0.025, p90 1/60 + 0.9/60 = 0.031666...
    const r = firstResponseTime(answeredAfter(1, 2), { unit: "hours", decimals: 2 });
    expect(r).toMatchObject({ mean: 0.03, median: 0.03, p90: 0.03, min: 0.02, max: 0.03 });
  });

  it("reads extra ticket fields without complaint and mixes date forms", () => {
    const tickets = [
      { id: "a", createdAt: new Date(at(0)), firstResponseAt: Date.parse(at(3)), subject: "refund" },
      { id: "b", createdAt: "2026-11-23T10:00:00+01:00", firstResponseAt: "2026-11-23T09:05:00Z" },
    ];
    expect(firstResponseTime(tickets)).toMatchObject({ mean: 4, answered: 2 });
  });

  it("counts unanswered tickets (missing, null or undefined) and leaves them out", () => {
    const tickets = [...answeredAfter(10), { createdAt: at(0) }, { createdAt: at(0), firstResponseAt: null }, { createdAt: at(0), firstResponseAt: undefined }];
    expect(firstResponseTime(tickets)).toMatchObject({ mean: 10, answered: 1, unanswered: 3 });
  });

  it("returns a plain, JSON-serialisable object without NaN", () => {
    const result = firstResponseTime(answeredAfter(1, 5, 9));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("an answer at the moment of creation takes zero time", () => {
    expect(firstResponseTime(answeredAfter(0))).toMatchObject({ mean: 0, max: 0 });
  });

  it("counts business minutes only, with the calendar's holidays", () => {
    const office = calendar("budapestOffice");
    // Thursday 24 Dec is a holiday: a question on Wednesday 23 Dec at 16:50 answered on Monday 28 Dec at 09:10.
    const tickets = [{ createdAt: "2026-12-23T16:50:00+01:00", firstResponseAt: "2026-12-28T09:10:00+01:00" }];
    expect(firstResponseTime(tickets, { businessHours: office as never }).mean).toBe(20);
  });
});

describe("firstResponseTime refuses bad input", () => {
  it("EMPTY_INPUT when no ticket is answered", () => {
    expect(failure(() => firstResponseTime([]))).toMatchInlineSnapshot(
      `"EMPTY_INPUT firstResponseTime: no answered tickets: the first-response time of nothing is undefined"`,
    );
    const unanswered = [{ createdAt: at(0) }, { createdAt: at(1), firstResponseAt: null }];
    expect(errorOf(() => firstResponseTime(unanswered)).code).toBe("EMPTY_INPUT");
    expect(errorOf(() => firstResponseTime(unanswered, { businessHours: calendar("budapestOffice") as never })).code).toBe("EMPTY_INPUT");
  });

  it("names the ticket whose first response precedes its creation", () => {
    const tickets = [...answeredAfter(1), { createdAt: at(10), firstResponseAt: at(5) }];
    expect(failure(() => firstResponseTime(tickets))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: tickets[1].firstResponseAt is "2026-11-23T09:05:00.000Z", expected an instant not before createdAt ("2026-11-23T09:10:00.000Z")"`,
    );
  });

  it("names an unparseable date, an invalid Date and a date without a zone", () => {
    expect(failure(() => firstResponseTime([{ createdAt: "2026-11-23 09:00", firstResponseAt: at(1) }]))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: tickets[0].createdAt is "2026-11-23 09:00", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`,
    );
    expect(failure(() => firstResponseTime([...answeredAfter(1), { createdAt: at(0), firstResponseAt: new Date("nope") }]))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: tickets[1].firstResponseAt is an invalid Date, expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`,
    );
    expect(errorOf(() => firstResponseTime([{ createdAt: Number.NaN, firstResponseAt: 1 }])).issues[0]!.path).toEqual(["tickets", 0, "createdAt"]);
    expect(errorOf(() => firstResponseTime([{ createdAt: 1e16, firstResponseAt: 1 }])).code).toBe("INVALID_INPUT");
  });

  it("names a ticket that is not an object", () => {
    expect(failure(() => firstResponseTime([...answeredAfter(1), null] as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: tickets[1] is null, expected a ticket object"`,
    );
    expect(errorOf(() => firstResponseTime([[at(0), at(1)]] as never)).issues[0]!.path).toEqual(["tickets", 0]);
  });

  it("refuses input that is neither tickets nor totals", () => {
    expect(failure(() => firstResponseTime("tickets" as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: input is "tickets", expected an array of tickets or { totalFirstResponseTime, questions }"`,
    );
    expect(errorOf(() => firstResponseTime(null as never)).code).toBe("INVALID_INPUT");
  });

  it("refuses bad options, naming them", () => {
    const tickets = answeredAfter(1);
    expect(failure(() => firstResponseTime(tickets, { unit: "weeks" } as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: options.unit is "weeks", expected 'milliseconds', 'seconds', 'minutes', 'hours' or 'days'"`,
    );
    expect(failure(() => firstResponseTime(tickets, { decimals: 1.5 }))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: options.decimals is 1.5, expected an integer from 0 to 15"`,
    );
    expect(failure(() => firstResponseTime(tickets, { units: "hours" } as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: options has unknown key "units""`,
    );
    expect(failure(() => firstResponseTime(tickets, { businessHours: { timeZone: "Mars/Olympus", weekly: {} } }))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: options.businessHours.timeZone is "Mars/Olympus", expected an IANA time-zone name"`,
    );
    expect(failure(() => firstResponseTime(tickets, "minutes" as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: options is "minutes", expected an object"`,
    );
  });

  it("refuses bad totals", () => {
    expect(failure(() => firstResponseTime({ totalFirstResponseTime: 60, questions: 0 }))).toMatchInlineSnapshot(
      `"EMPTY_INPUT firstResponseTime: totals.questions is 0: no answered questions to average"`,
    );
    expect(failure(() => firstResponseTime({ totalFirstResponseTime: -1, questions: 2 }))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: totals.totalFirstResponseTime is -1, expected a finite, non-negative duration"`,
    );
    expect(failure(() => firstResponseTime({ totalFirstResponseTime: Number.POSITIVE_INFINITY, questions: 2 }))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: totals.totalFirstResponseTime is Infinity, expected a finite, non-negative duration"`,
    );
    expect(failure(() => firstResponseTime({ totalFirstResponseTime: 60, questions: 2.5 }))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: totals.questions is 2.5, expected a non-negative integer"`,
    );
    expect(failure(() => firstResponseTime({ totalFirstResponseTime: 60, questions: -3 }))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: totals.questions is -3, expected a non-negative integer"`,
    );
    expect(failure(() => firstResponseTime({ totalFirstResponseTime: 60, questions: 2 }, { businessHours: calendar("budapestOffice") } as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: options.businessHours applies to tickets, not to totals"`,
    );
    expect(failure(() => firstResponseTime({ totalFirstResponseTime: 60, questions: 2 }, { decimal: 2 } as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: options has unknown key "decimal""`,
    );
  });

  it("turns a throwing getter into INVALID_INPUT", () => {
    const ticket = {
      get createdAt(): never {
        throw new Error("locked");
      },
    };
    expect(failure(() => firstResponseTime([ticket] as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstResponseTime: input could not be read (locked)"`,
    );
  });

  it("TicketSchema states the same rules", () => {
    expect(TicketSchema.safeParse({ createdAt: at(0), firstResponseAt: at(1), extra: true }).success).toBe(true);
    expect(TicketSchema.safeParse({ createdAt: at(0), firstResponseAt: null }).success).toBe(true);
    expect(TicketSchema.safeParse({ createdAt: at(5), firstResponseAt: at(1) }).success).toBe(false);
    expect(TicketSchema.safeParse({ createdAt: "soon" }).success).toBe(false);
  });
});
