// Writes docs/images/<chart>.svg: every chart of cx-metrics/charts, built by the real functions from real data
// (scripts/chart-gallery.ts) and rendered by the command line's renderer. Run with `npm run docs:images`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderSvg } from "../src/cli/render/svg.js";
import { gallery } from "./chart-gallery.js";

const dir = join(import.meta.dirname, "..", "docs", "images");
mkdirSync(dir, { recursive: true });
for (const [name, spec] of Object.entries(gallery())) {
  writeFileSync(join(dir, `${name}.svg`), await renderSvg(spec));
  console.log(`docs/images/${name}.svg`);
}
