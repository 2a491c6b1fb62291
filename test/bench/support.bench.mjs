// firstResponseTime against the loop a user would otherwise write, on the same 1,000,000 tickets in the same process;
// business-hours durations as a rate. Run with `npm run bench support` (or `npx tsup && node test/bench/support.bench.mjs`).
import { Bench } from "tinybench";
import { businessDuration, firstResponseTime } from "../../dist/index.js";
import { printRatios } from "./report.mjs";

const N = 1_000_000;
const BASE = Date.UTC(2026, 0, 5, 8, 0, 0);
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const epochTickets = [];
const isoTickets = [];
const weekTickets = [];
const offsetTickets = [];
const withOffset = (ms) => `${new Date(ms + 3_600_000).toISOString().slice(0, 19)}+01:00`;
for (let i = 0; i < N; i++) {
  const createdAt = BASE + Math.floor(random() * 365 * 86_400_000);
  const firstResponseAt = createdAt + Math.floor(random() * 86_400_000);
  epochTickets.push({ id: i, createdAt, firstResponseAt });
  isoTickets.push({ id: i, createdAt: new Date(createdAt).toISOString(), firstResponseAt: new Date(firstResponseAt).toISOString() });
  offsetTickets.push({ id: i, createdAt: withOffset(createdAt), firstResponseAt: withOffset(firstResponseAt) });
  weekTickets.push({ id: i, createdAt, firstResponseAt: createdAt + Math.floor(random() * 7 * 86_400_000) });
}

/** The baseline: check, subtract, sort a Float64Array, mean and median. */
function handWritten(tickets, parse) {
  const n = tickets.length;
  const d = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = tickets[i];
    const c = parse(t.createdAt);
    const r = parse(t.firstResponseAt);
    if (!(r >= c)) throw new Error(`bad ticket ${i}`);
    d[k++] = r - c;
  }
  const sorted = d.subarray(0, k).sort();
  let sum = 0;
  for (let i = 0; i < k; i++) sum += sorted[i];
  const mid = (k - 1) / 2;
  return { mean: sum / k / 60_000, median: (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2 / 60_000 };
}
const asNumber = (x) => {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new Error("bad");
  return x;
};

const weekdays = [["09:00", "17:00"]];
const calendar = {
  timeZone: "Europe/Budapest",
  weekly: { monday: weekdays, tuesday: weekdays, wednesday: weekdays, thursday: weekdays, friday: [["09:00", "12:00"], ["13:00", "17:00"]] },
  holidays: ["2026-03-15", "2026-05-01", "2026-08-20", "2026-10-23", "2026-12-25"],
};

const bench = new Bench({ iterations: 8, warmupIterations: 2, time: 0 });
bench
  .add("baseline epoch ms", () => handWritten(epochTickets, asNumber))
  .add("firstResponseTime epoch ms", () => firstResponseTime(epochTickets))
  .add("baseline ISO (Date.parse)", () => handWritten(isoTickets, Date.parse))
  .add("firstResponseTime ISO", () => firstResponseTime(isoTickets))
  .add("baseline ISO with offsets (Date.parse)", () => handWritten(offsetTickets, Date.parse))
  .add("firstResponseTime ISO with offsets", () => firstResponseTime(offsetTickets))
  .add("firstResponseTime business hours, spans <= 1 week", () => firstResponseTime(weekTickets, { businessHours: calendar }));
await bench.run();

printRatios(bench, [
  ["firstResponseTime epoch ms", "baseline epoch ms", 2],
  ["firstResponseTime ISO", "baseline ISO (Date.parse)", 1.5],
  ["firstResponseTime ISO with offsets", "baseline ISO with offsets (Date.parse)", 1.5],
]);

const byName = new Map(bench.tasks.map((t) => [t.name, t]));
const business = byName.get("firstResponseTime business hours, spans <= 1 week").result.latency.mean;
const rate = N / (business / 1000);
console.log(
  `| business hours, ${N.toLocaleString("en-US")} tickets spanning up to a week | ${business.toFixed(2)} | - | ${Math.round(rate).toLocaleString("en-US")} tickets/s | >= 200,000/s ${rate >= 200_000 ? "ok" : "MISSED"} |`,
);

const single = new Bench({ time: 500 });
single.add("businessDuration, one call over three months", () =>
  businessDuration("2026-01-05T08:00:00Z", "2026-04-05T08:00:00Z", calendar),
);
await single.run();
console.log(`| businessDuration, one call over three months | ${single.tasks[0].result.latency.mean.toFixed(3)} | - | - | - |`);
