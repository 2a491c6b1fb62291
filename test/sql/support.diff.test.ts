// Differential suite: every support builder on DuckDB and PostgreSQL gives what the calculators give on the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstContactResolutionRate, firstResponseTime, reopenRate, resolutionTime } from "../../src/index.js";
import { toWallMs } from "../../src/internal/date.js";
import { firstContactResolutionRateQuery, firstResponseTimeQuery, reopenRateQuery, resolutionTimeQuery, type SqlQuery } from "../../src/sql/index.js";
import { TICKET_COLUMNS, type TicketRow, ticketCells, ticketRows } from "./data.js";
import { type Engine, engines, inCi } from "./engines.js";
import { expectSame, reference, type ReferenceSpec } from "./reference.js";

const N = inCi ? 100_000 : 20_000;
const rows = ticketRows(N, 7);
const nyWall = (d: Date) => new Date(toWallMs(d.getTime(), "America/New_York"));
// A wall time in the hour clocks fall back names two instants; keep the tickets whose wall times name theirs alone.
// (engines resolve such a time differently: DuckDB takes the later instant, the calculators' fromWallMs the earlier).
const unambiguous = (d: Date | null) => {
  if (d === null) return true;
  const wall = nyWall(d).getTime();
  const hour = 3_600_000;
  return toWallMs(d.getTime() + hour, "America/New_York") !== wall && toWallMs(d.getTime() - hour, "America/New_York") !== wall;
};
const localRows = rows.filter((r) => unambiguous(r.createdAt) && unambiguous(r.firstResponseAt));

let list: Engine[] = [];
beforeAll(async () => {
  list = await engines();
  for (const e of list) {
    await e.load("tickets", TICKET_COLUMNS, ticketCells(rows, nyWall));
    await e.load("tickets_local", TICKET_COLUMNS, ticketCells(localRows, nyWall));
  }
}, 300_000);
afterAll(async () => {
  for (const e of list) await e.close();
});

async function check<R>(q: (engine: Engine) => SqlQuery<R>, ref: ReferenceSpec<TicketRow>, compute: (g: TicketRow[]) => R, data = rows) {
  for (const engine of list) {
    const query = q(engine);
    const out = await engine.query(query.text, query.params);
    expectSame(() => query.results(out), () => reference(data, ref, compute));
  }
}

type Case = { name: string; spec: Record<string, unknown>; ref: ReferenceSpec<TicketRow> };
const created = (r: TicketRow) => r.createdAt;
const cases: Case[] = [
  { name: "all tickets", spec: {}, ref: {} },
  { name: "by team and priority", spec: { by: ["team", "priority"] }, ref: { by: ["team", "priority"] } },
  {
    name: "by team, weeks in Sydney",
    spec: { by: ["team"], period: { column: "created_at", unit: "week", timeZone: "Australia/Sydney" } },
    ref: { by: ["team"], period: { date: created, unit: "week", timeZone: "Australia/Sydney" } },
  },
  {
    name: "days in Paris",
    spec: { period: { column: "created_at", unit: "day", timeZone: "Europe/Paris" } },
    ref: { period: { date: created, unit: "day", timeZone: "Europe/Paris" } },
  },
];

describe.each(cases)("support builders match the calculators: $name", (c) => {
  it("firstResponseTimeQuery equals firstResponseTime to the last bit", async () => {
    await check(
      (e) => firstResponseTimeQuery({ dialect: e.name, from: "tickets", createdAt: "created_at", firstResponseAt: "first_response_at", ...c.spec } as never, { unit: "hours" }),
      c.ref,
      (g) => firstResponseTime(g.map((r) => ({ createdAt: r.createdAt, firstResponseAt: r.firstResponseAt })), { unit: "hours" }),
    );
  });
  it("resolutionTimeQuery equals resolutionTime to the last bit", async () => {
    await check(
      (e) => resolutionTimeQuery({ dialect: e.name, from: "tickets", createdAt: "created_at", resolvedAt: "resolved_at", ...c.spec } as never, { decimals: 3, unit: "days" }),
      c.ref,
      (g) => resolutionTime(g.map((r) => ({ createdAt: r.createdAt, resolvedAt: r.resolvedAt })), { decimals: 3, unit: "days" }),
    );
  });
  it("firstContactResolutionRateQuery equals firstContactResolutionRate", async () => {
    await check(
      (e) => firstContactResolutionRateQuery({ dialect: e.name, from: "tickets", resolved: "resolved", agentReplies: "agent_replies", ...c.spec } as never),
      c.ref,
      (g) => firstContactResolutionRate(g.map((r) => ({ resolved: r.resolved, agentReplies: r.agentReplies }))),
    );
  });
  it("reopenRateQuery equals reopenRate", async () => {
    await check(
      (e) => reopenRateQuery({ dialect: e.name, from: "tickets", reopens: "reopens", ...c.spec } as never, { decimals: 2 }),
      c.ref,
      (g) => reopenRate(g.map((r) => ({ reopens: r.reopens })), { decimals: 2 }),
    );
  });
});

describe("support builders on timestamps without a zone", () => {
  it("firstResponseTimeQuery reads local New York times as the same instants", async () => {
    await check(
      (e) =>
        firstResponseTimeQuery({
          dialect: e.name,
          from: "tickets_local",
          createdAt: "created_local",
          firstResponseAt: "first_response_local",
          inputTimeZone: "America/New_York",
          by: ["team"],
        }),
      { by: ["team"] },
      (g) => firstResponseTime(g.map((r) => ({ createdAt: r.createdAt, firstResponseAt: r.firstResponseAt }))),
      localRows,
    );
    expect(localRows.length).toBeGreaterThan(rows.length * 0.95);
  });
});
