// nps, csat and ces against the loops a user would otherwise write, on the same data in the same process.
import { Bench } from "tinybench";
import { ces, createNpsAccumulator, csat, nps } from "../../dist/index.js";
import { printRatios } from "./report.mjs";

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

const bench = new Bench({ time: 1500, warmupTime: 300 });
bench
  .add("baseline: count loop over Uint8Array(10M)", () => countLoop(bytes))
  .add("nps(Uint8Array(10M))", () => nps(bytes))
  .add("baseline: checked loop over number[1M]", () => checkedNpsLoop(scores))
  .add("nps(number[1M])", () => nps(scores))
  .add("baseline: checked CSAT loop over number[1M]", () => checkedShareLoop(ratings, 4))
  .add("csat(number[1M])", () => csat(ratings))
  .add("baseline: checked CES loop over number[1M]", () => checkedShareLoop(ratings, 4))
  .add("ces(number[1M])", () => ces(ratings))
  .add("batch: nps(number[1M]) for the accumulator", () => nps(scores))
  .add("createNpsAccumulator().addAll(number[1M])", () => createNpsAccumulator().addAll(scores).result());
await bench.run();
printRatios(bench, [
  ["nps(Uint8Array(10M))", "baseline: count loop over Uint8Array(10M)", 1.5],
  ["nps(number[1M])", "baseline: checked loop over number[1M]", 2],
  ["csat(number[1M])", "baseline: checked CSAT loop over number[1M]", 2],
  ["ces(number[1M])", "baseline: checked CES loop over number[1M]", 2],
  ["createNpsAccumulator().addAll(number[1M])", "batch: nps(number[1M]) for the accumulator", 1.2],
]);
