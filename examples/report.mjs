// Prints a small customer-experience report for the sample survey responses in examples/data/.
// Run with `npm run demo` (it builds the package first).
import { readFileSync } from "node:fs";
import { ces, csat, nps } from "cx-metrics";

const responses = JSON.parse(readFileSync(new URL("./data/survey-responses.json", import.meta.url), "utf8"));

function line(label, result, value) {
  console.log(`${label.padEnd(10)} ${String(value).padStart(7)}   n = ${result.total}`);
}

function report(title, rows) {
  console.log(`\n${title}`);
  const score = nps(rows.map((r) => r.nps), { decimals: 1 });
  line("NPS", score, score.score);
  console.log(
    `${"".padEnd(10)} promoters ${score.promoterPercent}%, passives ${score.passivePercent}%, detractors ${score.detractorPercent}%`,
  );
  const sat = csat(rows.map((r) => r.csat), { decimals: 1 });
  line("CSAT", sat, `${sat.score}%`);
  const effort = ces(rows.map((r) => r.ces), { decimals: 1 });
  line("CES", effort, `${effort.score}%`);
}

console.log(`cx-metrics report: ${responses.length} survey responses, October 2026`);
report("All channels", responses);
for (const channel of [...new Set(responses.map((r) => r.channel))]) {
  report(`Channel: ${channel}`, responses.filter((r) => r.channel === channel));
}
