// Bundle-size budgets: what an app ships when it imports one calculator (or everything) from the built package,
// resolved through the exports map, bundled and minified by esbuild for the browser, gzipped at level 9.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const KB = 1024;
/** Every name of the main entry but the schemas, which only an app that validates with zod imports. */
const calculators = (names) => `export { ${names.filter((n) => !n.endsWith("Schema")).join(", ")} } from "cx-metrics";`;

// Each budget is today's measured size rounded up to the next 0.1 kB (`node scripts/size.mjs` prints the figures), with
// 0.1 kB more where work under way still adds code (nps and the whole library), so a change that grows a bundle says so
// by raising its budget. The goals are nps 3, clv 3, fitBgNbd 6 and the
// whole library without schemas 30 kB; fitBgNbd and the whole library still carry the predictive family's zod/mini specs.
export const budgets = [
  { name: "import { nps }", code: 'export { nps } from "cx-metrics";', limit: 4.3 * KB },
  { name: "import { clv }", code: 'export { clv } from "cx-metrics";', limit: 2.4 * KB, optional: "clv" },
  { name: "import { fitBgNbd }", code: 'export { fitBgNbd } from "cx-metrics";', limit: 10.3 * KB, optional: "fitBgNbd" },
  { name: "whole library but schemas", code: calculators, limit: 40 * KB },
  { name: "import * (whole library)", code: 'export * from "cx-metrics";', limit: 63.6 * KB },
  // 32.85 kB with the predictive models' classic-zod schemas
  { name: "cx-metrics/schemas (with zod)", code: 'export * from "cx-metrics/schemas";', limit: 33 * KB },
];

export async function measure() {
  const root = resolve(import.meta.dirname, "..");
  const dir = mkdtempSync(join(tmpdir(), "cx-size-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(root, join(dir, "node_modules", "cx-metrics"), "dir");
    const exported = Object.keys(await import(join(root, "dist", "index.js")));
    const rows = [];
    for (const budget of budgets) {
      if (budget.optional !== undefined && !exported.includes(budget.optional)) continue;
      const entry = join(dir, "entry.js");
      writeFileSync(entry, typeof budget.code === "function" ? budget.code(exported) : budget.code);
      const out = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        write: false,
        absWorkingDir: dir,
        preserveSymlinks: false,
      });
      const bytes = out.outputFiles[0].contents;
      const gzip = gzipSync(bytes, { level: 9 }).length;
      rows.push({ ...budget, minified: bytes.length, gzip, ok: gzip <= budget.limit });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measure();
  for (const r of rows) {
    console.log(
      `${r.ok ? "ok  " : "OVER"} ${r.name.padEnd(32)} ${(r.minified / KB).toFixed(1).padStart(7)} kB min  ${(r.gzip / KB).toFixed(2).padStart(6)} kB gzip  (budget ${r.limit / KB} kB)`,
    );
  }
  if (rows.some((r) => !r.ok)) {
    console.error("size: a bundle is over its budget");
    process.exit(1);
  }
}
