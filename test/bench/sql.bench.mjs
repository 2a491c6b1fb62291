// Every generated query of cx-metrics/sql against the SQL an analyst would type for the same numbers, on DuckDB over
// the same 10,000,000 generated rows, side by side in one process. Run with `npm run bench sql`.
// Each pair runs alternately BENCH_RUNS times (default 5); the ratio compares the best times (the least disturbed by
// other work on the machine). DuckDB runs with BENCH_THREADS threads (default 1, so that the figures do not depend on
// how many cores are free). BENCH_ROWS sets the row count; BENCH_EXPLAIN=1 prints each generated query's
// EXPLAIN ANALYZE operator timings.
import { DuckDBInstance } from "@duckdb/node-api";
import {
  cesQuery,
  csatQuery,
  firstContactResolutionRateQuery,
  firstResponseTimeQuery,
  npsQuery,
  reopenRateQuery,
  resolutionTimeQuery,
} from "../../dist/sql/index.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THREADS = process.env.BENCH_THREADS ?? "1";
const GOAL = 1.2;

const instance = await DuckDBInstance.create(":memory:", { threads: THREADS });
const db = await instance.connect();

// Deterministic rows from hash(i): every run measures the same data. Instants over the first half of 2026.
const T0 = "1767225600000000"; // 2026-01-01T00:00:00Z in microseconds
const loadStart = performance.now();
await db.run(`CREATE TABLE survey AS SELECT
    (['email', 'chat', 'phone', 'web', 'in-app', 'sms'])[1 + CAST(hash(i) % 6 AS INTEGER)] AS channel,
    CASE WHEN hash(i + 1) % 20 = 0 THEN NULL ELSE CAST(hash(i + 2) % 11 AS INTEGER) END AS nps,
    CAST(1 + hash(i + 3) % 5 AS INTEGER) AS csat,
    CAST(1 + hash(i + 4) % 7 AS INTEGER) AS effort,
    CAST(hash(i + 5) % 13 AS DOUBLE) / 4 AS w,
    make_timestamptz(${T0} + CAST(hash(i + 6) % 15552000000 AS BIGINT) * 1000) AS submitted_at
  FROM range(${ROWS}) r(i)`);
await db.run(`CREATE TABLE tickets AS SELECT
    team, created_at,
    CASE WHEN hash(i + 2) % 100 < 3 THEN NULL ELSE created_at + to_milliseconds(wait) END AS first_response_at,
    CASE WHEN hash(i + 3) % 100 < 20 THEN NULL ELSE created_at + to_milliseconds(wait + CAST(hash(i + 4) % 864000000 AS BIGINT)) END AS resolved_at,
    hash(i + 3) % 100 >= 20 AS resolved,
    CAST(hash(i + 5) % 4 AS INTEGER) AS agent_replies,
    CASE WHEN hash(i + 6) % 5 = 0 THEN CAST(1 + hash(i + 7) % 3 AS INTEGER) ELSE 0 END AS reopens
  FROM (SELECT i,
      (['billing', 'tier-1', 'tier-2', 'onboarding', 'enterprise', 'returns', 'technical', 'vip'])[1 + CAST(hash(i) % 8 AS INTEGER)] AS team,
      make_timestamptz(${T0} + CAST(hash(i + 1) % 15552000000 AS BIGINT) * 1000) AS created_at,
      CAST(hash(i + 8) % 259200000 AS BIGINT) AS wait
    FROM range(${ROWS}) r(i))`);
const loadSeconds = (performance.now() - loadStart) / 1000;

async function run(text, params = []) {
  const reader = await db.runAndReadAll(text, params);
  return reader.getRowObjects();
}

const close = (a, b, what) => {
  const x = Number(a);
  const y = Number(b);
  if (!(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y)))) throw new Error(`${what}: generated ${x}, hand-written ${y}`);
};
/** Checks that the generated query's results give the hand-written query's numbers, group by group. */
function same(groups, rows, key, fields) {
  if (groups.length !== rows.length) throw new Error(`${groups.length} groups against ${rows.length} rows`);
  const byKey = new Map(rows.map((r) => [String(r[key]), r]));
  for (const g of groups) {
    const label = String(g.key[key] ?? g.period);
    const row = byKey.get(label);
    if (row === undefined) throw new Error(`no hand-written row for ${label}`);
    for (const [field, column, scale = 1] of fields) close(g.result[field], Number(row[column]) * scale, `${label} ${field}`);
  }
}

const MINUTE = 1 / 60_000;
const durationHand = (column, missing) => `SELECT team, count(${column}) AS n, count(*) - count(${column}) AS ${missing},
    avg(epoch_ms(${column}) - epoch_ms(created_at)) AS mean,
    quantile_cont(epoch_ms(${column}) - epoch_ms(created_at), 0.5) AS median,
    quantile_cont(epoch_ms(${column}) - epoch_ms(created_at), 0.9) AS p90
  FROM tickets GROUP BY team ORDER BY team`;
const durationFields = (count) => [
  [count, "n"],
  ["mean", "mean", MINUTE],
  ["median", "median", MINUTE],
  ["p90", "p90", MINUTE],
];

const cases = [
  {
    name: "npsQuery by channel",
    query: npsQuery({ dialect: "duckdb", from: "survey", score: "nps", by: ["channel"] }),
    hand: `SELECT channel, count(nps) AS total,
        100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / count(nps) AS score
      FROM survey GROUP BY channel ORDER BY channel`,
    check: (g, r) => same(g, r, "channel", [["total", "total"], ["score", "score"]]),
  },
  {
    name: "npsQuery by channel, weighted",
    query: npsQuery({ dialect: "duckdb", from: "survey", score: "nps", by: ["channel"], weight: "w" }),
    hand: `SELECT channel, sum(w) FILTER (WHERE nps IS NOT NULL) AS total,
        100.0 * (sum(w) FILTER (WHERE nps >= 9) - sum(w) FILTER (WHERE nps <= 6)) / sum(w) FILTER (WHERE nps IS NOT NULL) AS score
      FROM survey GROUP BY channel ORDER BY channel`,
    check: (g, r) => same(g, r, "channel", [["total", "total"], ["score", "score"]]),
  },
  {
    name: "npsQuery by week in Europe/Paris",
    query: npsQuery({ dialect: "duckdb", from: "survey", score: "nps", period: { column: "submitted_at", unit: "week", timeZone: "Europe/Paris" } }),
    hand: `SELECT strftime(date_trunc('week', timezone('Europe/Paris', submitted_at)), '%Y-%m-%d') AS week, count(nps) AS total,
        100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / count(nps) AS score
      FROM survey GROUP BY week ORDER BY week`,
    check: (g, r) => {
      if (g.length !== r.length) throw new Error("week count differs");
      g.forEach((group, i) => {
        close(group.result.total, r[i].total, group.period);
        close(group.result.score, r[i].score, group.period);
      });
    },
  },
  {
    name: "csatQuery by channel",
    query: csatQuery({ dialect: "duckdb", from: "survey", rating: "csat", by: ["channel"] }),
    hand: `SELECT channel, count(csat) AS total, 100.0 * count_if(csat >= 4) / count(csat) AS score
      FROM survey GROUP BY channel ORDER BY channel`,
    check: (g, r) => same(g, r, "channel", [["total", "total"], ["score", "score"]]),
  },
  {
    name: "cesQuery by channel, 1-7",
    query: cesQuery({ dialect: "duckdb", from: "survey", rating: "effort", by: ["channel"] }, { scale: [1, 7] }),
    hand: `SELECT channel, count(effort) AS total, 100.0 * count_if(effort >= 5) / count(effort) AS score
      FROM survey GROUP BY channel ORDER BY channel`,
    check: (g, r) => same(g, r, "channel", [["total", "total"], ["score", "score"]]),
  },
  {
    name: "firstResponseTimeQuery by team (exact median, p90)",
    query: firstResponseTimeQuery({ dialect: "duckdb", from: "tickets", createdAt: "created_at", firstResponseAt: "first_response_at", by: ["team"] }),
    hand: durationHand("first_response_at", "unanswered"),
    check: (g, r) => same(g, r, "team", [...durationFields("answered"), ["unanswered", "unanswered"]]),
  },
  {
    name: "resolutionTimeQuery by team (exact median, p90)",
    query: resolutionTimeQuery({ dialect: "duckdb", from: "tickets", createdAt: "created_at", resolvedAt: "resolved_at", by: ["team"] }),
    hand: durationHand("resolved_at", "unresolved"),
    check: (g, r) => same(g, r, "team", [...durationFields("resolved"), ["unresolved", "unresolved"]]),
  },
  {
    name: "firstContactResolutionRateQuery by team",
    query: firstContactResolutionRateQuery({ dialect: "duckdb", from: "tickets", resolved: "resolved", agentReplies: "agent_replies", by: ["team"] }),
    hand: `SELECT team, 100.0 * count_if(resolved AND agent_replies <= 1) / count_if(resolved) AS rate
      FROM tickets GROUP BY team ORDER BY team`,
    check: (g, r) => same(g, r, "team", [["rate", "rate"]]),
  },
  {
    name: "reopenRateQuery by team",
    query: reopenRateQuery({ dialect: "duckdb", from: "tickets", reopens: "reopens", by: ["team"] }),
    hand: `SELECT team, 100.0 * count_if(reopens > 0) / count(*) AS rate FROM tickets GROUP BY team ORDER BY team`,
    check: (g, r) => same(g, r, "team", [["rate", "rate"]]),
  },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const only = process.env.BENCH_ONLY;
console.log(
  `node ${process.version}, ${process.platform} ${process.arch}; DuckDB ${(await run("SELECT version() AS v"))[0].v}, threads=${THREADS}; ` +
    `${ROWS.toLocaleString("en-US")} rows per table (generated in ${loadSeconds.toFixed(1)} s); ${RUNS} runs per query, alternating`,
);
console.log("| query | generated best / median (ms) | hand-written best / median (ms) | ratio (best) | goal |");
console.log("| --- | ---: | ---: | ---: | ---: |");
let missed = 0;
for (const c of cases) {
  if (only !== undefined && !c.name.includes(only)) continue;
  const ours = [];
  const hand = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const rows = await run(c.query.text, c.query.params);
    ours.push(performance.now() - t);
    t = performance.now();
    const handRows = await run(c.hand);
    hand.push(performance.now() - t);
    if (i === 0) c.check(c.query.results(rows), handRows);
  }
  const ratio = Math.min(...ours) / Math.min(...hand);
  if (ratio > GOAL) missed++;
  console.log(
    `| ${c.name} | ${Math.min(...ours).toFixed(0)} / ${median(ours).toFixed(0)} | ${Math.min(...hand).toFixed(0)} / ${median(hand).toFixed(0)} | ${ratio.toFixed(2)}x | <= ${GOAL}x ${ratio <= GOAL ? "ok" : "MISSED"} |`,
  );
  if (process.env.BENCH_EXPLAIN === "1") {
    const plan = await db.runAndReadAll(`EXPLAIN ANALYZE ${c.query.text}`, c.query.params);
    const text = plan.getRows().map((r) => String(r[1])).join("\n");
    const operators = [...text.matchAll(/│\s+([A-Z_]{4,})\s+│[\s\S]*?│\s+([\d.]+)s\s+│/g)].map((m) => `${m[1]} ${m[2]}s`);
    console.log(`    ${operators.join(", ")}`);
  }
}
if (missed > 0) console.log(`${missed} goal(s) missed`);
db.closeSync();
instance.closeSync();
