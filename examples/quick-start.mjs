// The README's quick start, runnable: `node examples/quick-start.mjs` after `npm run build`.
import { CxMetricsError, csat, nps } from "cx-metrics";

console.log(nps([10, 9, 8, 7, 6, 3, 10]).score);
console.log(nps({ promoters: 120, passives: 45, detractors: 35 }, { decimals: 1 }).score);
console.log(csat([5, 4, 3, 5, 2], { decimals: 1 }));

try {
  nps([10, 11]);
} catch (error) {
  if (error instanceof CxMetricsError) console.log(error.code, error.message);
}
