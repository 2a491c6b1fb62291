// Hostile table and column names: quotes, backticks, semicolons, comment markers, backslashes and any script. The
// statement must still run and read exactly those columns.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { churnFromSubscriptions, cohortRetention, nps } from "../../src/index.js";
import { churnFromSubscriptionsQuery, cohortRetentionQuery, npsQuery } from "../../src/sql/index.js";
import { type Engine, engines, inCi } from "./engines.js";

const pieces = ['"', "'", "`", ";", "--", "/*", "*/", "\\", " ", "\n", "$1", "?", ":p1", "{p1:String}", "ö", "名", "😀", "x", "DROP TABLE t", ")"];
const hostile = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));

let list: Engine[] = [];
beforeAll(async () => {
  list = await engines();
});
afterAll(async () => {
  for (const e of list) await e.close();
});

describe("hostile identifiers", () => {
  it("npsQuery runs and reads the named columns of a hostilely named table", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 12 }), async (table, score, segment, scores) => {
        // Distinct prefixes: DuckDB compares names without regard to case, even quoted.
        const t = `t${run++}${table}`.slice(0, 60);
        const s = `s${score}`.slice(0, 60);
        const c = `c${segment}`.slice(0, 60);
        const rows = scores.map((v, i) => [i % 2 === 0 ? "even" : "odd", v, 99]);
        for (const engine of list) {
          await engine.load(t, [{ name: c, type: "text" }, { name: s, type: "double" }, { name: "nps", type: "double" }], rows);
          const q = npsQuery({ dialect: engine.name, from: t, score: s, by: [c] });
          const out = q.results(await engine.query(q.text, q.params));
          const expected = ["even", "odd"]
            .map((k) => ({ k, g: scores.filter((_, i) => (i % 2 === 0 ? "even" : "odd") === k) }))
            .filter((x) => x.g.length > 0)
            .map((x) => ({ key: { [c]: x.k }, count: x.g.length, result: nps(x.g) }));
          expect(out).toStrictEqual(expected);
          await engine.query(`DROP TABLE "${t.replaceAll('"', '""')}"`);
        }
      }),
      { numRuns: inCi ? 200 : 40 },
    );
  });

  it("churnFromSubscriptionsQuery and cohortRetentionQuery run and read the named columns of a hostilely named table", async () => {
    let run = 0;
    const day = 86_400_000;
    const subscription = fc.record({ id: fc.integer({ min: 1, max: 4 }), start: fc.integer({ min: 0, max: 60 }), length: fc.option(fc.integer({ min: 0, max: 60 })) });
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, fc.array(subscription, { minLength: 1, maxLength: 10 }), async (table, id, start, subs) => {
        const t = `u${run++}${table}`.slice(0, 60);
        const i = `i${id}`.slice(0, 60);
        const s = `s${start}`.slice(0, 60);
        const e = `e${start}`.slice(0, 60);
        const records = subs.map((x) => ({ customerId: x.id, startedAt: new Date(x.start * day), endedAt: x.length === null ? null : new Date((x.start + x.length) * day) }));
        const period = { periodStart: new Date(30 * day), periodEnd: new Date(45 * day) };
        for (const engine of list) {
          const columns = [{ name: i, type: "integer" }, { name: s, type: "timestamptz" }, { name: e, type: "timestamptz" }, { name: "ended_at", type: "timestamptz" }] as const;
          await engine.load(t, columns, records.map((r) => [r.customerId, r.startedAt, r.endedAt, null]));
          const q = churnFromSubscriptionsQuery({ dialect: engine.name, from: t, customerId: i, startedAt: s, endedAt: e, ...period });
          const out = await engine.query(q.text, q.params);
          let expected: unknown;
          try {
            expected = [{ key: {}, count: records.length, result: churnFromSubscriptions(records, period) }];
          } catch (error) {
            expected = error;
          }
          if (expected instanceof Error) expect(() => q.results(out)).toThrow(expected.message);
          else expect(q.results(out)).toStrictEqual(expected);
          const weeks = { period: "week", asOf: new Date(50 * day) } as const;
          const c = cohortRetentionQuery({ dialect: engine.name, from: t, customerId: i, startedAt: s, endedAt: e }, weeks);
          expect(c.results(await engine.query(c.text, c.params))).toStrictEqual([{ key: {}, count: records.length, result: cohortRetention(records, weeks) }]);
          await engine.query(`DROP TABLE "${t.replaceAll('"', '""')}"`);
        }
      }),
      { numRuns: inCi ? 100 : 25 },
    );
  });
});
