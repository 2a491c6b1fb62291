// Checks the package as it would be published: publint, arethetypeswrong on the packed tarball, and the size budgets.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { measure } from "./size.mjs";

const root = resolve(import.meta.dirname, "..");
const bin = (name) => resolve(root, "node_modules", ".bin", name);
let failed = false;

for (const [name, args] of [
  ["publint", ["--strict"]],
  // Subpath exports (cx-metrics/charts) need the exports map, which TypeScript's old `node10` resolution ignores:
  // the node16 profile checks every resolution that reads it (node16 from CJS and ESM, bundler).
  ["attw", ["--pack", ".", "--format", "ascii", "--profile", "node16"]],
]) {
  const run = spawnSync(bin(name), args, { cwd: root, encoding: "utf8" });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  if (run.status !== 0) {
    console.error(`${name} reported problems`);
    failed = true;
  }
}

// One error class across module systems: an error thrown by either build is an instance of the other's class.
{
  const { createRequire } = await import("node:module");
  const cjs = createRequire(import.meta.url)(resolve(root, "dist", "index.cjs"));
  const esm = await import(new URL("../dist/index.js", import.meta.url).href);
  const thrownBy = (build) => {
    try {
      build.nps([11]);
    } catch (error) {
      return error;
    }
  };
  const ok = [
    thrownBy(cjs) instanceof esm.CxMetricsError,
    thrownBy(esm) instanceof cjs.CxMetricsError,
    esm.isCxMetricsError(thrownBy(cjs)),
    cjs.isCxMetricsError(thrownBy(esm)),
  ].every(Boolean);
  console.log(`${ok ? "ok  " : "FAIL"} CxMetricsError is one class across the CommonJS and ES module builds`);
  if (!ok) failed = true;
}

for (const r of await measure()) {
  console.log(`${r.ok ? "ok  " : "OVER"} size of ${r.name}: ${(r.gzip / 1024).toFixed(2)} kB gzip (budget ${r.limit / 1024} kB)`);
  if (!r.ok) failed = true;
}
process.exit(failed ? 1 : 0);
