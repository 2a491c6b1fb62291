// In CI every property test runs from one fixed seed, so a run is reproducible and a red build always points at a
// real counterexample; locally each run draws a new seed and keeps exploring. FC_SEED overrides the seed.
import fc from "fast-check";

if (process.env.CI || process.env.FC_SEED) {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123) });
}
