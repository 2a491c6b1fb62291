// Runs every script in examples/ against the built package; any failure fails the run.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const dir = resolve(import.meta.dirname, "..", "examples");
const scripts = readdirSync(dir).filter((f) => /\.(mjs|cjs|js)$/.test(f)).sort();
let failed = 0;
for (const script of scripts) {
  const run = spawnSync(process.execPath, [join(dir, script)], { encoding: "utf8" });
  const ok = run.status === 0 && run.stdout.trim() !== "";
  console.log(`${ok ? "ok  " : "FAIL"} examples/${script}`);
  if (!ok) {
    failed++;
    process.stderr.write(run.stderr);
  }
}
console.log(`${scripts.length - failed} examples ran, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
