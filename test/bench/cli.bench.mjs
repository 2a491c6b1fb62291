// The command line's built-in reader against DuckDB's SQL on the same files, side by side in one run.
// Generates two wide exports of 2,000,000 rows (a survey and a ticket export, as analysts get them from their tools),
// then times `cx-metrics nps --by channel` and `cx-metrics first-response-time --by team` (exact median and p90)
// against the same aggregation typed into DuckDB on one thread. Each run is a fresh process, timed from spawn to
// exit; memory is the process's peak resident set size. Runs: BENCH_RUNS (default 3), best and median shown.
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "..");
const cli = join(root, "dist", "cli.js");
const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = join(tmpdir(), `cx-metrics-bench-cli-${ROWS}`);
mkdirSync(dir, { recursive: true });

// A small deterministic generator, so every run measures the same bytes.
let seed = 42;
function random() {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const CHANNELS = ["email", "chat", "phone", "web", "in-app", "sms"];
const COUNTRIES = ["FR", "DE", "US", "GB", "ES", "IT", "NL", "BE", "CA", "BR", "JP", "IN", "AU", "SE", "PL"];
const TEAMS = ["billing", "tier-1", "tier-2", "onboarding", "enterprise", "returns", "technical", "vip"];
const WORDS = ["great", "slow", "service", "reply", "fast", "thanks", "again", "refund", "agent", "app", "price", "ok"];
const OFFSETS = ["+00:00", "+01:00", "+02:00", "-05:00", "-08:00", "+05:30"];
const pad = (n, w = 2) => String(n).padStart(w, "0");

function isoWithOffset(ms, offset) {
  const sign = offset[0] === "-" ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const d = new Date(ms + minutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${offset}`;
}

function comment() {
  const n = 3 + Math.floor(random() * 6);
  const words = [];
  for (let i = 0; i < n; i++) words.push(pick(WORDS));
  // A quoted comment holding commas, and now and then a doubled quote.
  return `"${words.slice(0, 2).join(" ")}, ${words.slice(2).join(", ")}${random() < 0.05 ? ' ""really""' : ""}"`;
}

async function generate(file, header, row) {
  if (existsSync(file) && statSync(file).size > 0) return;
  const out = createWriteStream(`${file}.tmp`);
  out.write(`${header}\n`);
  for (let i = 0; i < ROWS; ) {
    let chunk = "";
    for (const end = Math.min(ROWS, i + 10_000); i < end; i++) chunk += `${row(i)}\n`;
    if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
  }
  await new Promise((r) => out.end(r));
  spawnSync("mv", [`${file}.tmp`, file]);
}

const START = Date.UTC(2026, 0, 1);
const survey = join(dir, "survey.csv");
const tickets = join(dir, "tickets.csv");
await generate(survey, "id,submitted_at,channel,country,nps,csat,comment", (i) => {
  const at = START + Math.floor(random() * 180 * 86_400_000);
  return `${1_000_000 + i},${isoWithOffset(at, pick(OFFSETS))},${pick(CHANNELS)},${pick(COUNTRIES)},${Math.floor(random() * 11)},${1 + Math.floor(random() * 5)},${comment()}`;
});
await generate(tickets, "id,team,priority,created_at,first_reply_at,subject", (i) => {
  const created = START + Math.floor(random() * 180 * 86_400_000);
  const offset = pick(OFFSETS);
  // Lognormal-ish response times; about 3% unanswered.
  const wait = Math.floor(Math.exp(7 + 2 * random() + 1.5 * random()) * 1000);
  const replied = random() < 0.03 ? "" : isoWithOffset(created + wait, offset);
  return `${i},${pick(TEAMS)},${pick(["low", "normal", "high", "urgent"])},${isoWithOffset(created, offset)},${replied},${comment()}`;
});

/** Runs a command in a fresh process under /usr/bin/time: wall seconds, peak RSS in MB, stdout. */
function measure(command, args) {
  const started = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${run.stderr}`);
  const lines = run.stderr.trim().split("\n");
  return { seconds, rssMb: Number(lines.at(-1)) / 1024, stdout: run.stdout };
}

const duckScript = join(dir, "duck.mjs");
const duckdb = join(root, "node_modules", "@duckdb", "node-api", "lib", "index.js");
const duckSource = `
import { DuckDBInstance } from ${JSON.stringify(duckdb)};
const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(process.argv[2]);
process.stdout.write(JSON.stringify(reader.getRowObjectsJson()) + "\\n");
`;
writeFileSync(duckScript, duckSource);

const cases = [
  {
    name: `nps by channel, ${ROWS} rows (${(statSync(survey).size / 1e6).toFixed(0)} MB)`,
    goal: 1.5,
    ours: ["nps", survey, "--column", "nps", "--by", "channel", "--format", "json"],
    sql: `SELECT channel, count(*) AS total, sum(CASE WHEN nps >= 9 THEN 1 ELSE 0 END) AS promoters,
      sum(CASE WHEN nps <= 6 THEN 1 ELSE 0 END) AS detractors,
      100.0 * (sum(CASE WHEN nps >= 9 THEN 1 ELSE 0 END) - sum(CASE WHEN nps <= 6 THEN 1 ELSE 0 END)) / count(*) AS score
      FROM read_csv('${survey}') WHERE nps IS NOT NULL GROUP BY channel`,
    check(ours, duck) {
      const byKey = new Map(JSON.parse(ours).map((e) => [e.key, e.result]));
      for (const row of JSON.parse(duck)) {
        const r = byKey.get(row.channel);
        if (r === undefined || r.total !== Number(row.total) || r.promoters !== Number(row.promoters) || Math.abs(r.score - Number(row.score)) > 1e-9) {
          throw new Error(`nps differs from DuckDB for ${row.channel}: ${JSON.stringify(r)} vs ${JSON.stringify(row)}`);
        }
      }
    },
  },
  {
    name: `first-response-time by team, exact median and p90, ${ROWS} rows (${(statSync(tickets).size / 1e6).toFixed(0)} MB)`,
    goal: 2,
    ours: ["first-response-time", tickets, "--created-column", "created_at", "--responded-column", "first_reply_at", "--unit", "milliseconds", "--by", "team", "--format", "json"],
    sql: `SELECT team, count(first_reply_at) AS answered,
      quantile_cont(epoch_ms(first_reply_at) - epoch_ms(created_at), 0.5) AS median,
      quantile_cont(epoch_ms(first_reply_at) - epoch_ms(created_at), 0.9) AS p90
      FROM read_csv('${tickets}', types = {'created_at': 'TIMESTAMPTZ', 'first_reply_at': 'TIMESTAMPTZ'}) GROUP BY team`,
    check(ours, duck) {
      const byKey = new Map(JSON.parse(ours).map((e) => [e.key, e.result]));
      for (const row of JSON.parse(duck)) {
        const r = byKey.get(row.team);
        if (r === undefined || r.answered !== Number(row.answered) || Math.abs(r.median - Number(row.median)) > 1e-6) {
          throw new Error(`first-response time differs from DuckDB for ${row.team}: ${JSON.stringify(r)} vs ${JSON.stringify(row)}`);
        }
      }
    },
  },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`node ${process.version}, ${process.platform} ${process.arch}; ${RUNS} runs each, alternating; DuckDB with threads=1`);
console.log("| work | cx-metrics best / median (s) | DuckDB best / median (s) | ratio (best) | goal | cx-metrics peak RSS (MB) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
let missed = 0;
for (const c of cases) {
  const ours = [];
  const duck = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    const a = measure(process.execPath, [cli, ...c.ours]);
    const b = measure(process.execPath, [duckScript, c.sql]);
    c.check(a.stdout, b.stdout);
    ours.push(a.seconds);
    duck.push(b.seconds);
    rss = Math.max(rss, a.rssMb);
  }
  const ratio = Math.min(...ours) / Math.min(...duck);
  const ok = ratio <= c.goal && rss <= 100;
  if (!ok) missed++;
  console.log(
    `| ${c.name} | ${Math.min(...ours).toFixed(2)} / ${median(ours).toFixed(2)} | ${Math.min(...duck).toFixed(2)} / ${median(duck).toFixed(2)} | ${ratio.toFixed(2)}x | <= ${c.goal}x, <= 100 MB ${ok ? "ok" : "MISSED"} | ${rss.toFixed(0)} |`,
  );
}
if (process.env.BENCH_KEEP !== "1") rmSync(duckScript);

if (missed > 0) console.log(`${missed} goal(s) missed`);
