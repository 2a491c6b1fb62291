// Customers simulated from the BG/NBD purchase process and the Gamma-Gamma spend model with known parameters, by a
// generator of the tests' own (mulberry32), independent of the library's resampling generator.
import type { BgNbdParams, GammaGammaParams } from "../../src/index.js";

export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang, boosted below shape 1). */
export function gammaDraw(uniform: () => number, shape: number): number {
  if (shape < 1) return gammaDraw(uniform, shape + 1) * uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    if (Math.log(uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface SimulatedCustomer {
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

/**
 * n customers: λ ~ Gamma(r, α) purchases per unit of time, p ~ Beta(a, b) dropout after each purchase, T uniform in
 * [minT, maxT]; each repeat purchase's value Gamma(p, ν) with ν ~ Gamma(q, v); monetaryValue the mean repeat value.
 */
export function simulateCustomers(
  uniform: () => number,
  n: number,
  bg: BgNbdParams,
  gg: GammaGammaParams,
  minT: number,
  maxT: number,
): SimulatedCustomer[] {
  return Array.from({ length: n }, () => {
    const lambda = gammaDraw(uniform, bg.r) / bg.alpha;
    const ga = gammaDraw(uniform, bg.a);
    const dropout = ga / (ga + gammaDraw(uniform, bg.b));
    const nu = gammaDraw(uniform, gg.q) / gg.v;
    const T = minT + (maxT - minT) * uniform();
    let t = 0;
    let frequency = 0;
    let recency = 0;
    let spent = 0;
    for (;;) {
      t += -Math.log(1 - uniform()) / lambda;
      if (t > T) break;
      frequency += 1;
      recency = t;
      spent += gammaDraw(uniform, gg.p) / nu;
      if (uniform() < dropout) break;
    }
    return { frequency, recency, T, monetaryValue: frequency === 0 ? 0 : spent / frequency };
  });
}
