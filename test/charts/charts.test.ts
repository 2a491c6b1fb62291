import { describe, expect, it } from "vitest";
import {
  calibrationHoldoutChart,
  cohortHeatmap,
  npsBreakdownChart,
  npsDistributionChart,
  PALETTE,
  probabilityAliveChart,
  responseTimeHistogram,
  trendChart,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "../../src/charts/index.js";
import { bgNbdProbabilityAlive, byPeriod, cohortRetention, groupBy, nps } from "../../src/index.js";
import { compileMessages, markCount, schemaErrors, svgOf } from "./vega.js";

const survey = [10, 9, 9, 8, 7, 6, 3, 10, 0, 5, 9, 10];
const params = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

function grid() {
  const frequency = [0, 1, 2, 5];
  const recency = [0, 10, 20, 30, 38];
  const probability = frequency.map((x) => recency.map((t) => bgNbdProbabilityAlive(params, { frequency: x, recency: x === 0 ? 0 : t, T: 38.86 })));
  return { frequency, recency, probability, T: 38.86 };
}

/** One spec of every chart, with the number of marks of each kind its SVG must hold. */
const cases: Array<[string, () => VegaLiteSpec, Record<string, number>]> = [
  ["npsDistributionChart from scores", () => npsDistributionChart(survey), { rect: 11 }],
  ["npsDistributionChart from counts", () => npsDistributionChart({ promoters: 5, passives: 3, detractors: 2 }), { rect: 3 }],
  [
    "npsBreakdownChart",
    () =>
      npsBreakdownChart([
        { key: "chat", result: nps([10, 9, 3]) },
        { key: "email", result: nps([7, 8, 2, 1]) },
      ]),
    { rect: 6 },
  ],
  [
    "trendChart",
    () =>
      trendChart(
        [
          { period: "2026-01", result: nps({ promoters: 50, passives: 30, detractors: 20 }) },
          { period: "2026-02", result: nps({ promoters: 40, passives: 30, detractors: 30 }) },
          { period: "2026-03", result: nps({ promoters: 5, passives: 3, detractors: 2 }) },
        ],
        { metric: "nps" },
      ),
    { symbol: 3, area: 1, line: 1 },
  ],
  [
    "cohortHeatmap",
    () =>
      cohortHeatmap({
        cohorts: [
          { cohort: "2026-01", size: 40, retention: [100, 80, 55] },
          { cohort: "2026-02", size: 25, retention: [100, 72] },
        ],
      }),
    { rect: 5, text: 5 },
  ],
  ["responseTimeHistogram", () => responseTimeHistogram([1, 4, 9, 30, 60, 200, 1000], { bins: 8, sla: 60 }), { rect: 8, rule: 3 }],
  [
    "calibrationHoldoutChart",
    () =>
      calibrationHoldoutChart([
        { frequency: 1, actual: 0.7, predicted: 0.6 },
        { frequency: 0, actual: 0.2, predicted: 0.25 },
        { frequency: 2, actual: 1.4, predicted: 1.1 },
      ]),
    { symbol: 6, line: 2 },
  ],
  ["probabilityAliveChart", () => probabilityAliveChart(grid()), { rect: 20 }],
];

describe("every chart", () => {
  it.each(cases)("%s is a valid Vega-Lite 6 spec that compiles without a warning", (_name, build) => {
    const spec = build();
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileMessages(spec)).toEqual([]);
  });

  it.each(cases)("%s renders to an SVG holding its marks, each labelled for screen readers", async (_name, build, marks) => {
    const spec = build();
    const svg = await svgOf(spec);
    for (const [type, n] of Object.entries(marks)) expect([type, markCount(svg, type)]).toEqual([type, n]);
    expect(svg).toContain(`aria-label="Title text '${spec.title.text}'"`);
    expect(spec.description.length).toBeGreaterThan(40);
  });

  it.each(cases)("%s is plain JSON: it survives a round trip unchanged", (_name, build) => {
    const spec = build();
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it.each(cases)("%s takes the title, width and height options", (_name, build) => {
    const spec = build();
    expect(spec.title.text.length).toBeGreaterThan(5);
    expect(spec.width).toBeGreaterThanOrEqual(50);
  });
});

describe("npsDistributionChart", () => {
  it("counts each score, shows all eleven, and titles the chart with the NPS that nps() computes", () => {
    const spec = npsDistributionChart(survey);
    expect(spec.data.values.map((v) => v.count)).toEqual([1, 0, 0, 1, 0, 1, 1, 1, 1, 3, 3]);
    expect(spec.title.text).toBe(`NPS ${nps(survey, { decimals: 1 }).score} from 12 responses`);
    expect(spec.data.values[6]!.group).toBe("Detractors (0-6)");
    expect(spec.data.values[7]!.group).toBe("Passives (7-8)");
    expect(spec.data.values[9]!.group).toBe("Promoters (9-10)");
  });

  it("colours detractors vermillion and promoters blue, never red against green", () => {
    const spec = npsDistributionChart(survey) as unknown as VegaLiteSpec & { encoding: { color: { scale: { range: string[] } } } };
    expect(spec.encoding.color.scale.range).toEqual([PALETTE.vermillion, PALETTE.grey, PALETTE.blue]);
  });

  it("accepts typed arrays and counts, and the title of both agrees", () => {
    const fromScores = npsDistributionChart(Uint8Array.from(survey));
    const counts = { promoters: 6, passives: 2, detractors: 4 };
    const fromCounts = npsDistributionChart(counts);
    expect(fromCounts.title.text).toBe(fromScores.title.text);
    expect(fromCounts.data.values.map((v) => [v.score, v.count])).toEqual([
      ["Detractors (0-6)", 4],
      ["Passives (7-8)", 2],
      ["Promoters (9-10)", 6],
    ]);
    expect(fromCounts.description).not.toContain("one bar per score");
  });

  it("says 1 response in the singular", () => {
    expect(npsDistributionChart([9]).title.text).toBe("NPS 100 from 1 response");
  });

  it("takes title, width and height", () => {
    const spec = npsDistributionChart([9], { title: "Our NPS", width: 300, height: 100 });
    expect([spec.title.text, spec.width, spec.height]).toEqual(["Our NPS", 300, 100]);
  });
});

describe("npsBreakdownChart", () => {
  it("draws each segment's three groups in order, labelled with the NPS and n the result carries", () => {
    const rows = [
      { channel: "chat", score: 10 },
      { channel: "email", score: 3 },
      { channel: "chat", score: 8 },
    ];
    const spec = npsBreakdownChart(groupBy(rows, (r) => r.channel, (g) => nps(g.map((r) => r.score))));
    expect(spec.data.values.map((v) => [v.segment, v.group, v.count])).toEqual([
      ["chat: NPS 50, n = 2", "Detractors (0-6)", 0],
      ["chat: NPS 50, n = 2", "Passives (7-8)", 1],
      ["chat: NPS 50, n = 2", "Promoters (9-10)", 1],
      ["email: NPS -100, n = 1", "Detractors (0-6)", 1],
      ["email: NPS -100, n = 1", "Passives (7-8)", 0],
      ["email: NPS -100, n = 1", "Promoters (9-10)", 0],
    ]);
    expect(spec.description).toContain("chat NPS 50 from 2 (0 detractors, 1 passives, 1 promoters)");
  });

  it("accepts numeric keys and weighted (fractional) counts", () => {
    const spec = npsBreakdownChart([{ key: 2026, result: nps([10, 0], { weights: [1.5, 0.5] }) }]);
    expect(spec.data.values[0]!.segment).toBe("2026: NPS 50, n = 2");
  });
});

describe("trendChart", () => {
  const series = byPeriod(
    [
      ...Array.from({ length: 40 }, (_, i) => ({ at: "2026-01-10T00:00:00Z", score: i % 3 === 0 ? 10 : 7 })),
      ...Array.from({ length: 5 }, () => ({ at: "2026-02-10T00:00:00Z", score: 3 })),
      ...Array.from({ length: 35 }, (_, i) => ({ at: "2026-03-10T00:00:00Z", score: i % 2 === 0 ? 9 : 5 })),
    ],
    { date: (r) => r.at, period: "month" },
    (g) => nps(g.map((r) => r.score), { decimals: 1 }),
  );

  it("marks periods below the threshold hollow and leaves them out of the line and the band", () => {
    const spec = trendChart(series, { metric: "nps" }) as unknown as ReturnType<typeof trendChart> & { layer: Array<{ transform?: unknown[] }> };
    expect(spec.data.values.map((v) => [v.period, v.n, v.enough])).toEqual([
      ["2026-01", 40, true],
      ["2026-02", 5, false],
      ["2026-03", 35, true],
    ]);
    expect(spec.layer[0]!.transform).toEqual([{ filter: "datum.enough && datum.lower !== null" }]);
    expect(spec.layer[1]!.transform).toEqual([{ filter: "datum.enough" }]);
    expect(spec.description).toContain("1 period has fewer than 30 responses and is drawn hollow: 2026-02.");
    expect(spec.data.values[0]!.lower).toBe(series[0]!.result.confidenceInterval.lower);
  });

  it("connects small periods on request and takes another threshold", () => {
    const spec = trendChart(series, { metric: "nps", connectSmall: true, minSampleSize: 36 }) as unknown as ReturnType<typeof trendChart> & {
      layer: Array<{ transform?: unknown[] }>;
    };
    expect(spec.layer[1]!.transform).toEqual([{ filter: "true" }]);
    expect(spec.data.values.map((v) => v.enough)).toEqual([true, false, false]);
    expect(spec.description).toContain("2 periods have fewer than 36 responses and are drawn hollow: 2026-02, 2026-03.");
    expect(spec.title.subtitle).toBe("Shaded: the confidence interval. Hollow: fewer than 36 responses");
  });

  it("reads CSAT and CES on 0-100, uses the effective sample size, and draws periods without an interval", async () => {
    const spec = trendChart(
      [
        { period: 1, result: { score: 80, total: 100, effectiveSampleSize: 20 } },
        { period: 2, result: { score: 85, total: 50 } },
      ],
      { metric: "csat" },
    );
    expect(spec.data.values).toEqual([
      { period: "1", score: 80, lower: null, upper: null, n: 20, enough: false },
      { period: "2", score: 85, lower: null, upper: null, n: 50, enough: true },
    ]);
    expect(spec.description).toBe(
      "Line chart of CSAT over 2 periods with its confidence band: 1 80 from 20; 2 85 from 50. 1 period has fewer than 30 responses and is drawn hollow: 1.",
    );
    expect(markCount(await svgOf(spec), "symbol")).toBe(2);
    const ces = trendChart([{ period: "w1", result: { score: 60, total: 40 } }], { metric: "ces" });
    expect(ces.title.text).toBe("CES by period");
    expect(ces.description).toBe("Line chart of CES over 1 period with its confidence band: w1 60 from 40.");
  });

  it("draws hollow, by default, exactly the periods whose results are flagged smallSample", () => {
    const spec = trendChart(series, { metric: "nps" });
    expect(spec.data.values.map((v) => !v.enough)).toEqual(series.map((p) => p.result.smallSample));
  });

  it("takes an adjusted-Wald interval that leaves the score outside it", () => {
    // One promoter: score 100; adjusted counts 1.75/1.5/0.75 of 4 give 25 ± z × 37.5 with z = 1.959963984540054.
    const result = nps({ promoters: 1, passives: 0, detractors: 0 }, { interval: "adjusted-wald" });
    const spec = trendChart([{ period: "2026-01", result }], { metric: "nps" });
    expect(spec.data.values[0]).toMatchObject({ score: 100, n: 1, enough: false });
    expect(spec.data.values[0]!.lower).toBeCloseTo(25 - 1.959963984540054 * 37.5, 9);
    expect(spec.data.values[0]!.upper).toBeCloseTo(25 + 1.959963984540054 * 37.5, 9);
  });

  it("tilts the labels of long series", () => {
    const long = Array.from({ length: 9 }, (_, i) => ({ period: `p${i}`, result: { score: 1, total: 40 } }));
    const spec = trendChart(long, { metric: "nps" }) as unknown as ReturnType<typeof trendChart> & { encoding: { x: { axis: { labelAngle: number } } } };
    expect(spec.encoding.x.axis.labelAngle).toBe(-45);
  });
});

describe("cohortHeatmap", () => {
  it("draws one cell per cohort and period, with cohort sizes in the row labels", () => {
    const result = cohortRetention(
      [
        { customerId: 1, startedAt: "2026-01-05T10:00:00Z", endedAt: "2026-02-20T00:00:00Z" },
        { customerId: 2, startedAt: "2026-01-20T10:00:00Z" },
        { customerId: 3, startedAt: "2026-02-03T10:00:00Z", endedAt: "2026-03-01T00:00:00Z" },
      ],
      { period: "month", asOf: "2026-03-15T00:00:00Z" },
    );
    const spec = cohortHeatmap(result);
    expect(spec.data.values).toEqual([
      { cohort: "2026-01 (2 customers)", age: 0, retention: 100, size: 2 },
      { cohort: "2026-01 (2 customers)", age: 1, retention: 100, size: 2 },
      { cohort: "2026-01 (2 customers)", age: 2, retention: 50, size: 2 },
      { cohort: "2026-02 (1 customer)", age: 0, retention: 100, size: 1 },
      { cohort: "2026-02 (1 customer)", age: 1, retention: 0, size: 1 },
    ]);
    expect(spec.description).toBe(
      "Heatmap of retention for 2 cohorts, percent still active by periods since start: 2026-01 (2 customers): 100%, 100%, 50%; 2026-02 (1 customer): 100%, 0%.",
    );
  });

  it("says 1 cohort in the singular", () => {
    expect(cohortHeatmap({ cohorts: [{ cohort: 2026, size: 3, retention: [100] }] }).description).toMatch(/^Heatmap of retention for 1 cohort,/);
  });
});

describe("responseTimeHistogram", () => {
  it("bins on equal log widths from the smallest to the largest duration, with median and p90 as firstResponseTime reckons them", () => {
    const spec = responseTimeHistogram([1, 10, 100, 1000], { bins: 3, sla: 60 });
    expect(spec.data.values).toEqual([
      { start: 1, end: 10, count: 1 },
      { start: 10, end: 100, count: 1 },
      { start: 100, end: 1000, count: 2 },
    ]);
    expect(spec.title.text).toBe("First response time: median 55 min, 90th percentile 730 min");
    expect(spec.description).toContain("2 of 4 (50%) are within the target of 60 minutes.");
  });

  it("counts zero durations in the first bin and says so", () => {
    const spec = responseTimeHistogram([0, 0, 2, 8], { bins: 2, unit: "hours", measure: "Resolution time" });
    expect(spec.data.values.map((b) => b.count)).toEqual([3, 1]);
    expect(spec.description).toContain("2 zero durations are counted in the first bin.");
    expect(spec.title.text).toBe("Resolution time: median 1 h, 90th percentile 6.2 h");
    expect(responseTimeHistogram([0, 5, 6]).description).toContain("1 zero duration is counted in the first bin.");
  });

  it("gives a single repeated value one visible decade", () => {
    const spec = responseTimeHistogram(new Float64Array([5, 5, 5]), { bins: 1 });
    const [bin] = spec.data.values;
    expect(bin!.count).toBe(3);
    expect(bin!.start).toBeCloseTo(5 / Math.sqrt(10), 12);
    expect(bin!.end).toBeCloseTo(5 * Math.sqrt(10), 12);
  });

  it("keeps every duration in a bin whatever the data (the counts add up to the input)", () => {
    const durations = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 1000) + 0.5);
    const spec = responseTimeHistogram(durations);
    // Sturges' rule: ⌈log2 500⌉ + 1 bins.
    expect(spec.data.values).toHaveLength(10);
    expect(spec.data.values.reduce((n, b) => n + b.count, 0)).toBe(500);
    expect(responseTimeHistogram(Array.from({ length: 5000 }, (_, i) => i + 1)).data.values).toHaveLength(14);
    for (let k = 1; k < 10; k++) expect(spec.data.values[k]!.start).toBe(spec.data.values[k - 1]!.end);
  });
});

describe("calibrationHoldoutChart", () => {
  it("draws actual and model for each frequency, sorted by frequency", () => {
    const spec = calibrationHoldoutChart([
      { frequency: 1, actual: 0.7, predicted: 0.6, customers: 10 },
      { frequency: 0, actual: 0.2, predicted: 0.25 },
    ]);
    expect(spec.data.values).toEqual([
      { frequency: 0, series: "Actual", purchases: 0.2, customers: null },
      { frequency: 0, series: "Model", purchases: 0.25, customers: null },
      { frequency: 1, series: "Actual", purchases: 0.7, customers: 10 },
      { frequency: 1, series: "Model", purchases: 0.6, customers: 10 },
    ]);
    expect(spec.description).toContain("for 2 groups of customers");
    expect(spec.description).toContain("1 repeat purchases (10 customers): actual 0.7, model 0.6");
    expect(calibrationHoldoutChart([{ frequency: 0, actual: 1, predicted: 1 }]).description).toContain("for 1 group of");
  });
});

describe("probabilityAliveChart", () => {
  it("draws the grid bgNbdProbabilityAlive fills, one cell per frequency and recency", () => {
    const m = grid();
    const spec = probabilityAliveChart(m);
    expect(spec.data.values).toHaveLength(20);
    expect(spec.data.values[7]).toEqual({ frequency: 1, recency: 20, probability: m.probability[1]![2] });
    expect(spec.data.values.slice(0, 5).every((c) => c.probability === 1)).toBe(true);
    expect(spec.title.subtitle).toContain("first seen 38.9 periods ago");
    expect(probabilityAliveChart({ frequency: [1], recency: [2], probability: [[0.5]] }).title.subtitle).toBe(
      "By repeat purchases and the time of the last purchase",
    );
    expect(probabilityAliveChart({ frequency: [1], recency: [2], probability: [[0.5]] }).description).toBe(
      "Heatmap of the probability that a customer is still active over 1 repeat-purchase counts (1 to 1) and 1 times of last purchase (2 to 2); it ranges from 50% to 50%.",
    );
  });
});
