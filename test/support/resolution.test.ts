import { describe, expect, it } from "vitest";
import { ResolutionTicketSchema, resolutionTime } from "../../src/index.js";
import fixtures from "../fixtures/support.json" with { type: "json" };
import { calendar, errorOf, failure } from "./helpers.js";

describe("resolutionTime fixtures", () => {
  it.each(fixtures.resolutionTime.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const options = { ...f.options } as Record<string, unknown>;
    if (typeof options.businessHours === "string") options.businessHours = calendar(options.businessHours);
    expect(resolutionTime(f.tickets, options as never)).toEqual(f.expected);
  });
});

describe("resolutionTime", () => {
  it("reports minutes by default and counts open tickets as unresolved", () => {
    const r = resolutionTime([
      { createdAt: 0, resolvedAt: 30 * 60_000 },
      { createdAt: 0, resolvedAt: null },
      { createdAt: 0 },
    ]);
    expect(r).toEqual({ metric: "resolutionTime", unit: "minutes", mean: 30, median: 30, p90: 30, min: 30, max: 30, resolved: 1, unresolved: 2 });
  });

  it("ignores firstResponseAt and reads resolvedAt", () => {
    const r = resolutionTime([{ createdAt: 0, firstResponseAt: 60_000, resolvedAt: 120_000 }] as never);
    expect(r.mean).toBe(2);
  });

  it("EMPTY_INPUT when nothing is resolved", () => {
    expect(failure(() => resolutionTime([{ createdAt: 0 }]))).toMatchInlineSnapshot(
      `"EMPTY_INPUT resolutionTime: no resolved tickets: the resolution time of nothing is undefined"`,
    );
  });

  it("names the ticket resolved before it was created", () => {
    expect(failure(() => resolutionTime([{ createdAt: 0, resolvedAt: 1 }, { createdAt: 10, resolvedAt: 5 }]))).toMatchInlineSnapshot(
      `"INVALID_INPUT resolutionTime: tickets[1].resolvedAt is 5, expected an instant not before createdAt (10)"`,
    );
    expect(failure(() => resolutionTime([{ createdAt: 0, resolvedAt: "later" }]))).toMatchInlineSnapshot(
      `"INVALID_INPUT resolutionTime: tickets[0].resolvedAt is "later", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`,
    );
  });

  it("refuses a non-array and bad options", () => {
    expect(failure(() => resolutionTime({ createdAt: 0 } as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT resolutionTime: tickets is an object, expected an array of tickets"`,
    );
    expect(errorOf(() => resolutionTime([{ createdAt: 0, resolvedAt: 1 }], { unit: "weeks" } as never)).issues[0]!.path).toEqual([
      "options",
      "unit",
    ]);
  });

  it("ResolutionTicketSchema states the same rules", () => {
    expect(ResolutionTicketSchema.safeParse({ createdAt: 0, resolvedAt: 1 }).success).toBe(true);
    expect(ResolutionTicketSchema.safeParse({ createdAt: 2, resolvedAt: 1 }).success).toBe(false);
  });
});
