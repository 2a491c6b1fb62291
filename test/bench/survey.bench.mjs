// nps, csat and ces against the loops a user would otherwise write, on the same data in the same process (one process per pair).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { ces, createNpsAccumulator, csat, nps } from "../../dist/index.js";
import { printRows } from "./report.mjs";

const bytes = new Uint8Array(10_000_000);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 11;
const scores = Array.from(bytes.subarray(0, 1_000_000));
const ratings = scores.map((s) => 1 + (s % 5));

function countLoop(xs) {
  let p = 0;
  let d = 0;
  let n = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (v >= 9) p++;
    else if (v <= 6) d++;
    n++;
  }
  return (100 * (p - d)) / n;
}

function checkedNpsLoop(xs) {
  let p = 0;
  let d = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (!Number.isInteger(v) || v < 0 || v > 10) throw new Error(`bad score at ${i}`);
    if (v >= 9) p++;
    else if (v <= 6) d++;
  }
  return (100 * (p - d)) / xs.length;
}

function checkedShareLoop(xs, from) {
  let hit = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (!Number.isInteger(v) || v < 1 || v > 5) throw new Error(`bad rating at ${i}`);
    if (v >= from) hit++;
  }
  return (100 * hit) / xs.length;
}

// Each pair runs in a fresh process: in one shared process the rows disturb one another (the JIT's type feedback from
// the 10M-byte row made the array rows after it 1.5x slower than when measured on their own), so each ratio would
// depend on the order of the rows rather than on the code.
const pairs = [
  ["nps(Uint8Array(10M))", () => nps(bytes), "baseline: count loop over Uint8Array(10M)", () => countLoop(bytes), 1.5],
  ["nps(number[1M])", () => nps(scores), "baseline: checked loop over number[1M]", () => checkedNpsLoop(scores), 2],
  ["csat(number[1M])", () => csat(ratings), "baseline: checked CSAT loop over number[1M]", () => checkedShareLoop(ratings, 4), 2],
  ["ces(number[1M])", () => ces(ratings), "baseline: checked CES loop over number[1M]", () => checkedShareLoop(ratings, 4), 2],
  [
    "createNpsAccumulator().addAll(number[1M])",
    () => createNpsAccumulator().addAll(scores).result(),
    "batch: nps(number[1M])",
    () => nps(scores),
    1.2,
  ],
];

const only = process.argv[2];
if (only !== undefined) {
  const [libName, lib, baseName, base] = pairs[Number(only)];
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench.add(baseName, base).add(libName, lib);
  await bench.run();
  const mean = (t) => t.result.latency?.mean ?? t.result.mean;
  process.stdout.write(JSON.stringify([mean(bench.tasks[1]), mean(bench.tasks[0])]));
} else {
  const rows = pairs.map(([libName, , baseName, , goal], i) => {
    const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), String(i)], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(child.stderr);
    const [library, baseline] = JSON.parse(child.stdout);
    return { name: libName, baseName, library, baseline, goal };
  });
  printRows(rows);
}
