// Runs every benchmark in test/bench/ against the freshly built package.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const build = spawnSync(join(root, "node_modules", ".bin", "tsup"), ["--silent"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const dir = join(root, "test", "bench");
const only = process.argv[2];
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".bench.mjs") && (!only || f.includes(only))).sort()) {
  console.log(`\n# ${file}`);
  const run = spawnSync(process.execPath, ["--expose-gc", join(dir, file)], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
