import { describe, expect, it } from "vitest";
import {
  bgNbdConditionalExpectedPurchases,
  calibrationHoldout,
  fitBgNbd,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdProbabilityAlive,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
  probabilityAliveMatrix,
  rfmSummary,
} from "../../src/index.js";
import { cdnowTransactions, isoOf } from "./cdnow.js";
import { expectRelative, thrown } from "./helpers.js";

const BG = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const PARETO = { r: 0.5533, alpha: 10.5793, s: 0.6061, beta: 11.665 };

describe("calibrationHoldout", () => {
  const rows = rfmSummary(
    cdnowTransactions().map((t) => ({ customerId: t.customerId, at: isoOf(t.date) })),
    { observationEnd: "1998-06-30T00:00:00Z", calibrationEnd: "1997-09-30T00:00:00Z", unit: "week" },
  ) as Array<{ frequency: number; recency: number; T: number; holdoutFrequency: number }>;
  const holdout = 39;

  it("groups CDNOW by calibration frequency: observed holdout means and the model's mean conditional expectation", () => {
    const fit = fitBgNbd(rows);
    const table = calibrationHoldout(fit, rows, { holdout });
    expect(table.map((r) => r.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(table.reduce((s, r) => s + r.customers, 0)).toBe(rows.length);
    const zero = rows.filter((r) => r.frequency === 0);
    expect(table[0]!.actual).toBe(zero.reduce((s, r) => s + r.holdoutFrequency, 0) / zero.length);
    const want = zero.reduce((s, r) => s + bgNbdConditionalExpectedPurchases(fit.params, r, holdout), 0) / zero.length;
    expectRelative(table[0]!.predicted, want, 1e-12);
    const top = rows.filter((r) => r.frequency >= 7);
    expect(table[7]!.customers).toBe(top.length);
    // the model tracks the holdout: each group's prediction within 0.5 purchases of what happened
    for (const r of table) expect(Math.abs(r.predicted - r.actual)).toBeLessThan(0.6);
  });

  it("reads MBG/NBD and Pareto/NBD fits by their metric", () => {
    const sample = rows.slice(0, 50);
    const m = calibrationHoldout({ metric: "fitMbgNbd", params: BG }, sample, { holdout, maxFrequency: 0 });
    expect(m).toHaveLength(1);
    expectRelative(m[0]!.predicted, sample.reduce((s, r) => s + mbgNbdConditionalExpectedPurchases(BG, r, holdout), 0) / 50, 1e-12);
    const p = calibrationHoldout({ metric: "fitParetoNbd", params: PARETO }, sample, { holdout, maxFrequency: 0 });
    expectRelative(p[0]!.predicted, sample.reduce((s, r) => s + paretoNbdConditionalExpectedPurchases(PARETO, r, holdout), 0) / 50, 1e-12);
  });

  it.each([
    [() => calibrationHoldout({ metric: "fitGammaGamma", params: BG } as never, [], { holdout: 1 }), 'calibrationHoldout: fit.metric is "fitGammaGamma", expected "fitBgNbd", "fitMbgNbd" or "fitParetoNbd"'],
    [() => calibrationHoldout(null as never, [], { holdout: 1 }), "calibrationHoldout: fit is null, expected a fit of fitBgNbd, fitMbgNbd or fitParetoNbd"],
    [() => calibrationHoldout({ metric: "fitBgNbd", params: BG }, "x" as never, { holdout: 1 }), 'calibrationHoldout: customers is "x", expected an array of customers'],
    [() => calibrationHoldout({ metric: "fitBgNbd", params: BG }, [{ frequency: 0, recency: 0, T: 3 }] as never, { holdout: 1 }), "calibrationHoldout: customers[0].holdoutFrequency is missing, expected a finite number >= 0"],
    [() => calibrationHoldout({ metric: "fitBgNbd", params: BG }, [], { holdout: -1 }), "calibrationHoldout: options.holdout is -1, expected a finite number >= 0"],
    [() => calibrationHoldout({ metric: "fitBgNbd", params: BG }, [], { holdout: 1, maxFrequency: 1.5 }), "calibrationHoldout: options.maxFrequency is 1.5, expected an integer in [0, 10000]"],
  ])("refuses bad input: %#", (run, message) => {
    const error = thrown(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});

describe("probabilityAliveMatrix", () => {
  it("is P(alive) on the grid, row 0 at recency 0, in the shape the P(alive) chart draws", () => {
    const m = probabilityAliveMatrix({ metric: "fitParetoNbd", params: PARETO }, { T: 39, maxFrequency: 3, steps: 4 });
    expect(m.frequency).toEqual([0, 1, 2, 3]);
    expect(m.recency).toEqual([0, 9.75, 19.5, 29.25, 39]);
    expect(m.T).toBe(39);
    expect(m.probability[0]).toEqual(Array(5).fill(paretoNbdProbabilityAlive(PARETO, { frequency: 0, recency: 0, T: 39 })));
    expect(m.probability[2]![1]).toBe(paretoNbdProbabilityAlive(PARETO, { frequency: 2, recency: 9.75, T: 39 }));
    const b = probabilityAliveMatrix({ metric: "fitMbgNbd", params: BG }, { T: 10 });
    expect(b.probability).toHaveLength(8);
    expect(b.probability[7]![10]).toBe(mbgNbdProbabilityAlive(BG, { frequency: 7, recency: 10, T: 10 }));
    expect(probabilityAliveMatrix({ metric: "fitBgNbd", params: BG }, { T: 10 }).probability[0]![3]).toBe(1);
  });

  it.each([
    [{ T: 0 }, "probabilityAliveMatrix: options.T is 0, expected a finite number > 0"],
    [{ T: 5, steps: 0 }, "probabilityAliveMatrix: options.steps is 0, expected an integer in [1, 1000]"],
    [null, "probabilityAliveMatrix: options is null, expected an object with T"],
  ])("refuses the options %j", (options, message) => {
    const error = thrown(() => probabilityAliveMatrix({ metric: "fitBgNbd", params: BG }, options as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});
