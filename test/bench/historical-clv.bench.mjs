// historicalClv against the plain loop it must stay within 10x of: summing numbers and collecting customers in a Set.
// Run after building: npx tsup && node test/bench/historical-clv.bench.mjs
import { Bench } from "tinybench";
import { historicalClv } from "../../dist/index.js";

const TRANSACTIONS = 1_000_000;
const CUSTOMERS = 100_000;

// A deterministic generator (mulberry32) so every run measures the same data.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeTransactions(atKind) {
  const next = random(42);
  const start = Date.UTC(2025, 0, 1);
  const rows = new Array(TRANSACTIONS);
  for (let i = 0; i < TRANSACTIONS; i++) {
    const ms = start + Math.floor(next() * 365 * 86_400_000);
    rows[i] = {
      customerId: `c${Math.floor(next() * CUSTOMERS)}`,
      at: atKind === "iso" ? new Date(ms).toISOString() : ms,
      // Amounts with up to two decimals: 0.00 to 999.99.
      amount: Math.floor(next() * 100_000) / 100,
    };
  }
  return rows;
}

function baseline(rows) {
  let revenue = 0;
  const customers = new Set();
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i];
    revenue += t.amount;
    customers.add(t.customerId);
  }
  return revenue / customers.size;
}

const results = [];
for (const atKind of ["epoch", "iso"]) {
  const rows = makeTransactions(atKind);
  // The library's result is exact; the baseline's float sum is not (checked once, not timed).
  const exact = historicalClv(rows);
  if (exact.customers !== new Set(rows.map((r) => r.customerId)).size) throw new Error("customer count mismatch");
  const bench = new Bench({ iterations: 10, warmupIterations: 2, time: 0 });
  bench.add(`baseline loop (at: ${atKind})`, () => baseline(rows));
  bench.add(`historicalClv (at: ${atKind})`, () => historicalClv(rows));
  await bench.run();
  const [base, lib] = bench.tasks.map((t) => t.result.latency.mean);
  results.push({
    "at as": atKind === "iso" ? "ISO 8601 string" : "epoch ms",
    "baseline ms": base.toFixed(1),
    "historicalClv ms": lib.toFixed(1),
    "ratio library/baseline": (lib / base).toFixed(2),
  });
}
console.log(`${TRANSACTIONS.toLocaleString("en")} transactions, ${CUSTOMERS.toLocaleString("en")} customers, amounts with up to 2 decimals`);
console.table(results);
