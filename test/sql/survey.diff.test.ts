// Differential suite: every survey builder on DuckDB and PostgreSQL gives what the calculators give on the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ces, csat, nps } from "../../src/index.js";
import { toWallMs } from "../../src/internal/date.js";
import { cesQuery, csatQuery, npsQuery, type SqlQuery } from "../../src/sql/index.js";
import { SURVEY_COLUMNS, type SurveyRow, surveyCells, surveyRows } from "./data.js";
import { type Engine, engines, inCi } from "./engines.js";
import { expectSame, reference, type ReferenceSpec } from "./reference.js";

const N = inCi ? 100_000 : 20_000;
const rows = surveyRows(N, 20261202);
const parisWall = (d: Date) => new Date(toWallMs(d.getTime(), "Europe/Paris"));
const answered = <K extends "score" | "rating">(g: SurveyRow[], k: K) => g.filter((r) => r[k] !== null);

let list: Engine[] = [];
beforeAll(async () => {
  list = await engines();
  for (const e of list) await e.load("survey", SURVEY_COLUMNS, surveyCells(rows, parisWall));
}, 300_000);
afterAll(async () => {
  for (const e of list) await e.close();
});

async function run<R>(engine: Engine, q: SqlQuery<R>) {
  const out = await engine.query(q.text, q.params);
  return () => q.results(out);
}

type Case = { name: string; spec: Record<string, unknown>; ref: ReferenceSpec<SurveyRow> };
const at = (r: SurveyRow) => r.at;
const cases: Case[] = [
  { name: "the whole table", spec: {}, ref: {} },
  { name: "by channel and region", spec: { by: ["channel", "region"] }, ref: { by: ["channel", "region"] } },
  {
    name: "weighted, by channel, ISO weeks in Paris",
    spec: { by: ["channel"], weight: "weight", period: { column: "at", unit: "week", timeZone: "Europe/Paris" } },
    ref: { by: ["channel"], period: { date: at, unit: "week", timeZone: "Europe/Paris" } },
  },
  {
    name: "months in Sydney by region, weighted",
    spec: { by: ["region"], weight: "weight", period: { column: "at", unit: "month", timeZone: "Australia/Sydney" } },
    ref: { by: ["region"], period: { date: at, unit: "month", timeZone: "Australia/Sydney" } },
  },
  {
    name: "quarters in New York",
    spec: { period: { column: "at", unit: "quarter", timeZone: "America/New_York" } },
    ref: { period: { date: at, unit: "quarter", timeZone: "America/New_York" } },
  },
  { name: "years in UTC", spec: { period: { column: "at", unit: "year" } }, ref: { period: { date: at, unit: "year", timeZone: "UTC" } } },
  {
    name: "a timestamp without zone read in Paris, weeks in New York",
    spec: { inputTimeZone: "Europe/Paris", period: { column: "local_at", unit: "week", timeZone: "America/New_York" } },
    ref: { period: { date: at, unit: "week", timeZone: "America/New_York" } },
  },
  {
    name: "a caller's subquery",
    spec: { from: { sql: "SELECT * FROM survey WHERE region <> 2;" }, by: ["region"] },
    ref: { by: ["region"] },
  },
];
const dayCase: Case = {
  name: "days in New York",
  spec: { period: { column: "at", unit: "day", timeZone: "America/New_York" } },
  ref: { period: { date: at, unit: "day", timeZone: "America/New_York" } },
};

const filtered = (c: Case) => (c.spec.from === undefined ? rows : rows.filter((r) => r.region !== 2));
const weightsOf = (c: Case, g: SurveyRow[]) => (c.spec.weight === undefined ? {} : { weights: g.map((r) => r.weight) });

describe.each([...cases, dayCase])("survey builders match the calculators: $name", (c) => {
  it("npsQuery equals nps to the last bit", async () => {
    for (const engine of list) {
      const q = npsQuery({ dialect: engine.name, from: "survey", score: "score", ...c.spec } as never, { decimals: 2 });
      const actual = await run(engine, q);
      expectSame(actual, () =>
        reference(filtered(c), c.ref, (g) => {
          const a = answered(g, "score");
          return nps(a.map((r) => r.score!), { decimals: 2, ...weightsOf(c, a) });
        }),
      );
    }
  });
  it("csatQuery equals csat to the last bit", async () => {
    for (const engine of list) {
      const q = csatQuery({ dialect: engine.name, from: "survey", rating: "rating", ...c.spec } as never, { interval: "wald" });
      const actual = await run(engine, q);
      expectSame(actual, () =>
        reference(filtered(c), c.ref, (g) => {
          const a = answered(g, "rating");
          return csat(a.map((r) => r.rating!), { interval: "wald", ...weightsOf(c, a) });
        }),
      );
    }
  });
  it("cesQuery equals ces to the last bit", async () => {
    for (const engine of list) {
      const q = cesQuery({ dialect: engine.name, from: "survey", rating: "rating", ...c.spec } as never, { lowerIsEasier: true, decimals: 1 });
      const actual = await run(engine, q);
      expectSame(actual, () =>
        reference(filtered(c), c.ref, (g) => {
          const a = answered(g, "rating");
          return ces(a.map((r) => r.rating!), { lowerIsEasier: true, decimals: 1, ...weightsOf(c, a) });
        }),
      );
    }
  });
});

describe("survey builders on text and integer columns", () => {
  it("a text score column gives the same NPS as the numeric one", async () => {
    for (const engine of list) {
      const fromText = npsQuery({ dialect: engine.name, from: "survey", score: "score_text", by: ["channel"] });
      const fromNumber = npsQuery({ dialect: engine.name, from: "survey", score: "score", by: ["channel"] });
      const a = fromText.results(await engine.query(fromText.text, fromText.params));
      const b = fromNumber.results(await engine.query(fromNumber.text, fromNumber.params));
      expect(a).toStrictEqual(b);
      expect(a.length).toBe(5);
    }
  });
});
