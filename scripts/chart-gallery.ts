// Every chart of cx-metrics/charts built from data by the library's own functions: the survey sample and tickets in
// examples/data, the CDNOW benchmark in test/fixtures/cdnow. Used by the docs' pictures (scripts/chart-images.ts) and
// by the browser tests, so the pictures are what the code draws.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  byPeriod,
  cohortRetention,
  fitBgNbd,
  groupBy,
  nps,
  rfmSummary,
} from "../src/index.js";
import {
  calibrationHoldoutChart,
  cohortHeatmap,
  npsBreakdownChart,
  npsDistributionChart,
  probabilityAliveChart,
  responseTimeHistogram,
  trendChart,
  type VegaLiteSpec,
} from "../src/charts/index.js";

const root = join(import.meta.dirname, "..");

interface SurveyRow {
  submittedAt: string;
  channel: string;
  nps: number;
}

function survey(): SurveyRow[] {
  return JSON.parse(readFileSync(join(root, "examples/data/survey-responses.json"), "utf8")) as SurveyRow[];
}

function cdnow(): Array<{ customerId: string; at: string; amount: string }> {
  return readFileSync(join(root, "test/fixtures/cdnow/CDNOW_sample.txt"), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [customerId, , d, , amount] = line.trim().split(/\s+/) as [string, string, string, string, string];
      return { customerId, at: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T00:00:00Z`, amount };
    });
}

/** A reproducible sample of first-response times in minutes: log-normal, median about 40 minutes. */
function responseMinutes(n: number): number[] {
  let seed = 20261202;
  const uniform = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed + 0.5) / 2 ** 32;
  };
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    out.push(Math.round(Math.exp(Math.log(40) + 1.3 * z) * 10) / 10);
  }
  return out;
}

/** Calibration against holdout on CDNOW: fitted on purchases to 1997-09-30, checked on the 39 weeks after. */
function calibration(): { rows: Parameters<typeof calibrationHoldoutChart>[0]; params: Parameters<typeof bgNbdProbabilityAlive>[0] } {
  const customers = rfmSummary(cdnow(), { observationEnd: "1998-06-30T00:00:00Z", calibrationEnd: "1997-09-30T00:00:00Z", unit: "week" });
  const { params } = fitBgNbd(customers.map(({ frequency, recency, T }) => ({ frequency, recency, T })));
  const holdoutWeeks = 273 / 7;
  const cap = 7;
  const groups = groupBy(
    customers,
    (c) => Math.min(c.frequency, cap),
    (g) => {
      let actual = 0;
      let predicted = 0;
      for (const c of g) {
        actual += c.holdoutFrequency ?? 0;
        predicted += bgNbdConditionalExpectedPurchases(params, c, holdoutWeeks);
      }
      return { actual: actual / g.length, predicted: predicted / g.length };
    },
  );
  const rows = groups.map((g) => ({ frequency: g.key, customers: g.count, ...g.result }));
  return { rows, params };
}

/** The charts of the docs and the browser tests, by file name. */
export function gallery(): Record<string, VegaLiteSpec> {
  const responses = survey();
  const { rows, params } = calibration();
  const T = 38.86;
  const frequency = Array.from({ length: 21 }, (_, i) => i);
  const recency = Array.from({ length: 20 }, (_, j) => j * 2);
  const probability = frequency.map((x) => recency.map((t) => bgNbdProbabilityAlive(params, { frequency: x, recency: x === 0 ? 0 : t, T })));
  const transactions = cdnow();
  const spans = new Map<string, { startedAt: string; endedAt: string }>();
  for (const t of transactions) {
    const span = spans.get(t.customerId);
    if (span === undefined) spans.set(t.customerId, { startedAt: t.at, endedAt: t.at });
    else if (t.at > span.endedAt) span.endedAt = t.at;
  }
  // A customer counts as active from the first purchase up to the last one.
  const subscriptions = [...spans].map(([customerId, s]) => ({ customerId, ...s }));
  return {
    "nps-distribution": npsDistributionChart(responses.map((r) => r.nps)),
    "nps-breakdown": npsBreakdownChart(groupBy(responses, (r) => r.channel, (g) => nps(g.map((r) => r.nps), { decimals: 1 }))),
    trend: trendChart(
      byPeriod(responses, { date: (r) => r.submittedAt, period: "week" }, (g) => nps(g.map((r) => r.nps), { decimals: 1 })),
      { metric: "nps" },
    ),
    "cohort-heatmap": cohortHeatmap(cohortRetention(subscriptions, { period: "month", asOf: "1998-06-30T00:00:00Z", decimals: 1 }), {
      title: "CDNOW customers still buying, by the month of their first purchase",
    }),
    "response-time-histogram": responseTimeHistogram(responseMinutes(400), { sla: 60, unit: "minutes" }),
    "calibration-holdout": calibrationHoldoutChart(rows),
    "probability-alive": probabilityAliveChart({ frequency, recency, probability, T }),
  };
}
