import { describe, expect, it } from "vitest";
import { type BusinessCalendar, firstContactResolutionRate, firstResponseTime, reopenRate, resolutionTime } from "../../src/index.js";
import { errorOf, failure, MINUTE } from "./helpers.js";

const DATE_EXPECTED = "expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds";
const MAX_EPOCH_MS = 8.64e15; // the largest magnitude a Date can hold

/** Every instant of every day is business time, so business durations equal elapsed ones. */
const alwaysOpen: BusinessCalendar = {
  timeZone: "UTC",
  weekly: Object.fromEntries(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((d) => [d, [["00:00", "24:00"]]]),
  ),
};

describe("ticket instants at the edges of the Date range", () => {
  it("firstResponseTime accepts epoch milliseconds of exactly -8.64e15 and 8.64e15", () => {
    expect(firstResponseTime([{ createdAt: -MAX_EPOCH_MS, firstResponseAt: -MAX_EPOCH_MS + MINUTE }]).mean).toBe(1);
    expect(firstResponseTime([{ createdAt: MAX_EPOCH_MS - 2 * MINUTE, firstResponseAt: MAX_EPOCH_MS }]).mean).toBe(2);
  });

  it.each([
    ["one millisecond before -8.64e15", -MAX_EPOCH_MS - 1, "-8640000000000001"],
    ["-Infinity", Number.NEGATIVE_INFINITY, "-Infinity"],
  ])("firstResponseTime refuses a createdAt %s", (_name, createdAt, shown) => {
    const error = errorOf(() => firstResponseTime([{ createdAt, firstResponseAt: 0 }]));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.issues[0]!.path).toEqual(["tickets", 0, "createdAt"]);
    expect(error.message).toBe(`firstResponseTime: tickets[0].createdAt is ${shown}, ${DATE_EXPECTED}`);
  });

  it("resolutionTime refuses a resolvedAt one millisecond after 8.64e15", () => {
    const error = errorOf(() => resolutionTime([{ createdAt: 0, resolvedAt: MAX_EPOCH_MS + 1 }]));
    expect(error.issues[0]!.path).toEqual(["tickets", 0, "resolvedAt"]);
    expect(error.message).toBe(`resolutionTime: tickets[0].resolvedAt is 8640000000000001, ${DATE_EXPECTED}`);
  });
});

describe("ticket instants in the toISOString() shapes", () => {
  // Date.parse is the platform's own reading of these strings, independent of the calculators.
  it.each([
    "2026-12-31T23:59:59.999Z",
    "2026-01-01T00:00:00.000Z",
    "2026-09-19T19:09:09Z",
    "2024-02-29T12:00:00Z",
    "2026-10-31T08:30:00Z",
    "0000-01-01T00:00:00Z",
    "1969-12-31T23:59:59.900Z",
  ])("firstResponseTime reads %s as the platform does", (text) => {
    const result = firstResponseTime([{ createdAt: Date.parse(text) - 90 * MINUTE, firstResponseAt: text }]);
    expect(result.mean).toBe(90);
  });

  it.each([
    ["February 30th", "2026-02-30T00:00:00Z"],
    ["February 29th of a common year", "2026-02-29T10:00:00.000Z"],
    ["April 31st", "2026-04-31T12:00:00.000Z"],
    ["month 13", "2026-13-01T00:00:00Z"],
    ["month 00", "2026-00-10T00:00:00Z"],
    ["day 00", "2026-01-00T00:00:00.000Z"],
    ["hour 24", "2026-01-01T24:00:00Z"],
    ["minute 60", "2026-01-01T23:60:00Z"],
    ["second 60", "2026-01-01T23:59:60.000Z"],
    ["a letter in the year", "20a6-01-01T00:00:00Z"],
    ["a letter in the milliseconds", "2026-01-01T00:00:00.0a0Z"],
    ["a comma for the colon", "2026-01-01T00,00:00Z"],
  ])("firstResponseTime refuses a createdAt on %s (%s)", (_name, text) => {
    const error = errorOf(() => firstResponseTime([{ createdAt: text, firstResponseAt: "2027-01-01T00:00:00Z" }]));
    expect(error.issues[0]!.path).toEqual(["tickets", 0, "createdAt"]);
    expect(error.message).toBe(`firstResponseTime: tickets[0].createdAt is ${JSON.stringify(text)}, ${DATE_EXPECTED}`);
  });

  it.each([
    ["missing", undefined, "missing"],
    ["null", null, "null"],
    ["an array as long as an ISO string", Array.from({ length: 20 }, () => "0"), "an array of length 20"],
  ])("firstResponseTime names a createdAt that is %s", (_name, createdAt, shown) => {
    expect(failure(() => firstResponseTime([{ createdAt, firstResponseAt: 0 }] as never))).toBe(
      `INVALID_INPUT firstResponseTime: tickets[0].createdAt is ${shown}, ${DATE_EXPECTED}`,
    );
  });
});

describe("ticket durations in business hours", () => {
  it("measures every ticket from its own creation, whatever the order of the tickets", () => {
    // 1 Jan to 10 Jan is 9 days, 5 Jan to 6 Jan is 1 day: mean (9 + 1) / 2 = 5 days; here the earliest creation comes first.
    const tickets = [
      { createdAt: "2026-01-01T00:00:00Z", firstResponseAt: "2026-01-10T00:00:00Z" },
      { createdAt: "2026-01-05T00:00:00Z", firstResponseAt: "2026-01-06T00:00:00Z" },
    ];
    expect(firstResponseTime(tickets, { unit: "days", businessHours: alwaysOpen })).toMatchObject({ mean: 5, min: 1, max: 9 });
    // The same tickets resolved instead of answered, the latest creation first.
    const resolved = [...tickets].reverse().map((t) => ({ createdAt: t.createdAt, resolvedAt: t.firstResponseAt }));
    expect(resolutionTime(resolved, { unit: "days", businessHours: alwaysOpen })).toMatchObject({ mean: 5, min: 1, max: 9 });
  });

  it("measures tickets of the year 3200 when some are unanswered", () => {
    // Only the answered ticket's instants matter: 00:00 to 01:30, 90 minutes, all of it business time.
    const tickets = [
      { createdAt: "3200-01-01T00:00:00Z", firstResponseAt: "3200-01-01T01:30:00Z" },
      { createdAt: "3200-01-02T00:00:00Z", firstResponseAt: null },
    ];
    expect(firstResponseTime(tickets, { businessHours: alwaysOpen })).toMatchObject({ mean: 90, answered: 1, unanswered: 1 });
  });

  it("firstResponseTime names the tickets when their business hours would span more than 400,000 days", () => {
    const error = errorOf(() => firstResponseTime([{ createdAt: -MAX_EPOCH_MS, firstResponseAt: MAX_EPOCH_MS }], { businessHours: alwaysOpen }));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.issues[0]!.path).toEqual(["tickets"]);
  });
});

describe("first-response totals refused", () => {
  it("names options that are null", () => {
    expect(failure(() => firstResponseTime({ totalFirstResponseTime: 60, questions: 4 }, null as never))).toBe(
      "INVALID_INPUT firstResponseTime: options is null, expected an object",
    );
  });

  it("names options.businessHours given with totals", () => {
    const error = errorOf(() => firstResponseTime({ totalFirstResponseTime: 60, questions: 4 }, { businessHours: alwaysOpen } as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.issues[0]!.path).toEqual(["options", "businessHours"]);
    expect(error.message).toBe("firstResponseTime: options.businessHours applies to tickets, not to totals");
  });

  it("names totals.questions when it is 0", () => {
    const error = errorOf(() => firstResponseTime({ totalFirstResponseTime: 0, questions: 0 }));
    expect(error.code).toBe("EMPTY_INPUT");
    expect(error.issues[0]!.path).toEqual(["totals", "questions"]);
  });

  it("names input that is null", () => {
    const error = errorOf(() => firstResponseTime(null as never));
    expect(error.issues[0]!.path).toEqual(["input"]);
    expect(error.message).toBe("firstResponseTime: input is null, expected an array of tickets or { totalFirstResponseTime, questions }");
  });

  it("a total of -0 gives a mean of 0, not -0", () => {
    expect(firstResponseTime({ totalFirstResponseTime: -0, questions: 4 }).mean).toBe(0);
  });
});

describe("empty inputs name no field", () => {
  it.each([
    ["firstResponseTime", () => firstResponseTime([])],
    ["resolutionTime", () => resolutionTime([{ createdAt: 0 }])],
    ["firstContactResolutionRate", () => firstContactResolutionRate([{ resolved: false, agentReplies: 1 }])],
    ["reopenRate", () => reopenRate([])],
  ])("%s throws EMPTY_INPUT with an empty path", (_name, run) => {
    const error = errorOf(run);
    expect(error.code).toBe("EMPTY_INPUT");
    expect(error.issues[0]!.path).toEqual([]);
  });
});

describe("rate counts refused", () => {
  it.each([
    ["firstContactResolutionRate", () => firstContactResolutionRate(null as never), "resolvedOnFirstContact, resolved"],
    ["reopenRate", () => reopenRate(null as never), "reopened, total"],
  ])("%s names input that is null", (name, run, keys) => {
    const error = errorOf(run);
    expect(error.issues[0]!.path).toEqual(["input"]);
    expect(error.message).toBe(`${name}: input is null, expected an array of tickets or { ${keys} }`);
  });

  it("names the part when it exceeds the whole, with zod's custom code", () => {
    const fcr = errorOf(() => firstContactResolutionRate({ resolvedOnFirstContact: 5, resolved: 4 }));
    expect(fcr.issues[0]).toMatchObject({ code: "custom", path: ["counts", "resolvedOnFirstContact"] });
    const reopen = errorOf(() => reopenRate({ reopened: 2, total: 1 }));
    expect(reopen.issues[0]).toMatchObject({ code: "custom", path: ["counts", "reopened"] });
  });
});
