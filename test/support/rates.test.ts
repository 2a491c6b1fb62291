import { describe, expect, it } from "vitest";
import { firstContactResolutionRate, reopenRate } from "../../src/index.js";
import fixtures from "../fixtures/support.json" with { type: "json" };
import { failure } from "./helpers.js";

describe("firstContactResolutionRate fixtures", () => {
  it.each(fixtures.firstContactResolutionRate.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(firstContactResolutionRate(f.input as never, (f as { options?: object }).options as never)).toEqual(f.expected);
  });
});

describe("reopenRate fixtures", () => {
  it.each(fixtures.reopenRate.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(reopenRate(f.input as never, (f as { options?: object }).options as never)).toEqual(f.expected);
  });
});

describe("firstContactResolutionRate", () => {
  it("counts zero or one agent reply as first contact and two as not", () => {
    const r = firstContactResolutionRate([
      { resolved: true, agentReplies: 0 },
      { resolved: true, agentReplies: 1 },
      { resolved: true, agentReplies: 2 },
      { resolved: false, agentReplies: 0 },
    ]);
    expect(r).toMatchObject({ resolvedOnFirstContact: 2, resolved: 3 });
    expect(r.rate).toBe(200 / 3);
  });

  it("reads extra fields of a ticket", () => {
    expect(firstContactResolutionRate([{ id: 7, resolved: true, agentReplies: 1 }] as never).rate).toBe(100);
  });

  it("refuses bad tickets, counts and options, naming them", () => {
    expect(failure(() => firstContactResolutionRate([{ resolved: false, agentReplies: 0 }]))).toMatchInlineSnapshot(
      `"EMPTY_INPUT firstContactResolutionRate: no resolved tickets: the first-contact resolution rate of nothing is undefined"`,
    );
    expect(failure(() => firstContactResolutionRate([{ resolved: true, agentReplies: 1 }, { resolved: true, agentReplies: -1 }]))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstContactResolutionRate: tickets[1].agentReplies is -1, expected a non-negative integer"`,
    );
    expect(failure(() => firstContactResolutionRate([{ resolved: true, agentReplies: 1.5 }]))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstContactResolutionRate: tickets[0].agentReplies is 1.5, expected a non-negative integer"`,
    );
    expect(failure(() => firstContactResolutionRate([{ resolved: "yes", agentReplies: 1 }] as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstContactResolutionRate: tickets[0].resolved is "yes", expected true or false"`,
    );
    expect(failure(() => firstContactResolutionRate([42] as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstContactResolutionRate: tickets[0] is 42, expected a ticket object"`,
    );
    expect(failure(() => firstContactResolutionRate({ resolvedOnFirstContact: 9, resolved: 8 }))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstContactResolutionRate: counts.resolvedOnFirstContact is 9, expected resolvedOnFirstContact <= resolved"`,
    );
    expect(failure(() => firstContactResolutionRate({ resolvedOnFirstContact: 0, resolved: 0 }))).toMatchInlineSnapshot(
      `"EMPTY_INPUT firstContactResolutionRate: no resolved tickets: the first-contact resolution rate of nothing is undefined"`,
    );
    expect(failure(() => firstContactResolutionRate({ resolvedOnFirstContact: 1 } as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstContactResolutionRate: counts.resolved is missing, expected a non-negative integer"`,
    );
    expect(failure(() => firstContactResolutionRate(3 as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstContactResolutionRate: input is 3, expected an array of tickets or { resolvedOnFirstContact, resolved }"`,
    );
    expect(failure(() => firstContactResolutionRate({ resolvedOnFirstContact: 1, resolved: 2 }, { decimals: 16 }))).toMatchInlineSnapshot(
      `"INVALID_INPUT firstContactResolutionRate: options.decimals is 16, expected an integer from 0 to 15"`,
    );
  });
});

describe("reopenRate", () => {
  it("counts a ticket reopened twice once", () => {
    expect(reopenRate([{ reopens: 2 }, { reopens: 0 }])).toEqual({ metric: "reopenRate", rate: 50, reopened: 1, total: 2 });
  });

  it("refuses bad tickets, counts and options, naming them", () => {
    expect(failure(() => reopenRate([]))).toMatchInlineSnapshot(`"EMPTY_INPUT reopenRate: no tickets: the reopen rate of nothing is undefined"`);
    expect(failure(() => reopenRate([{ reopens: 0 }, { reopens: 0.5 }]))).toMatchInlineSnapshot(
      `"INVALID_INPUT reopenRate: tickets[1].reopens is 0.5, expected a non-negative integer"`,
    );
    expect(failure(() => reopenRate([{ reopened: true }] as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT reopenRate: tickets[0].reopens is missing, expected a non-negative integer"`,
    );
    expect(failure(() => reopenRate([null] as never))).toMatchInlineSnapshot(`"INVALID_INPUT reopenRate: tickets[0] is null, expected a ticket object"`);
    expect(failure(() => reopenRate({ reopened: 4, total: 3 }))).toMatchInlineSnapshot(
      `"INVALID_INPUT reopenRate: counts.reopened is 4, expected reopened <= total"`,
    );
    expect(failure(() => reopenRate({ reopened: 0, total: 0 }))).toMatchInlineSnapshot(`"EMPTY_INPUT reopenRate: no tickets: the reopen rate of nothing is undefined"`);
    expect(failure(() => reopenRate(undefined as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT reopenRate: input is missing, expected an array of tickets or { reopened, total }"`,
    );
    expect(failure(() => reopenRate({ reopened: 1, total: 3 }, { round: 2 } as never))).toMatchInlineSnapshot(
      `"INVALID_INPUT reopenRate: options has unknown key "round""`,
    );
  });
});
