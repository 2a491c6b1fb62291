import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ces,
  createCesAccumulator,
  createCsatAccumulator,
  createNpsAccumulator,
  csat,
  nps,
} from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";


const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("NPS accumulator", () => {
  it("gives the batch result, intervals included", () => {
    const scores = [10, 9, 8, 7, 6, 3, 0, 10];
    const acc = createNpsAccumulator();
    for (const s of scores) acc.add(s);
    expect(acc.result()).toEqual(nps(scores));
    expect(acc.result({ decimals: 1, confidence: 0.9, interval: "adjusted-wald" })).toEqual(
      nps(scores, { decimals: 1, confidence: 0.9, interval: "adjusted-wald" }),
    );
  });

  it("equals the batch on any split, merged in any order, through JSON", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 100 }), fc.nat(), (xs, cut) => {
        const k = cut % (xs.length + 1);
        const left = createNpsAccumulator().addAll(xs.slice(0, k));
        const right = createNpsAccumulator(roundTrip(createNpsAccumulator().addAll(Uint8Array.from(xs.slice(k))).toJSON()));
        expect(right.merge(left).result()).toEqual(nps(xs));
      }),
    );
  });

  it("takes weights one by one or by array", () => {
    const a = createNpsAccumulator().add(10, 3).add(0, 1);
    const b = createNpsAccumulator().addAll([10, 0], [3, 1]);
    expect(a.result()).toEqual(nps([10, 0], { weights: [3, 1] }));
    expect(b.toJSON()).toEqual(a.toJSON());
  });

  it("merges a plain state as well as an accumulator", () => {
    const state = createNpsAccumulator().addAll([9, 9]).toJSON();
    expect(createNpsAccumulator().add(0).merge(state).result().score).toBeCloseTo(100 / 3, 12);
  });

  it("has an empty result until something is added", () => {
    expect(errorOf(() => createNpsAccumulator().result()).code).toBe("EMPTY_INPUT");
  });

  it.each([
    [() => createNpsAccumulator().add(11), "OUT_OF_RANGE", "nps: score is 11, outside 0-10"],
    [() => createNpsAccumulator().add(Number.NaN), "INVALID_INPUT", "nps: score is NaN, expected an integer"],
    [() => createNpsAccumulator().add(5, -1), "INVALID_INPUT", "nps: weight is -1, expected a finite, non-negative weight"],
    [() => createNpsAccumulator().addAll([1, 2.5]), "INVALID_INPUT", "nps: scores[1] is 2.5, expected an integer"],
    [() => createNpsAccumulator().addAll(7 as never), "INVALID_INPUT", "nps: scores is 7, expected an array of scores"],
    [() => createNpsAccumulator().addAll([1], 3 as never), "INVALID_INPUT", "nps: weights is 3, expected an array of weights"],
    [() => createNpsAccumulator().merge(createCsatAccumulator() as never), "INVALID_INPUT", "nps: other.metric is \"csat\", expected 'nps': only accumulators of the same metric merge"],
    [() => createNpsAccumulator().merge(null as never), "INVALID_INPUT", "nps: other is null, expected an accumulator or its toJSON() state"],
    [() => createNpsAccumulator({ metric: "nps", promoters: -1 } as never), "INVALID_INPUT", "createNpsAccumulator: state.detractors is missing, expected a finite, non-negative number"],
    [() => createNpsAccumulator().add(1).result({ decimals: 99 }), "INVALID_INPUT", "nps: options.decimals is 99, expected an integer from 0 to 15"],
  ])("refuses bad input %#", (run, code, message) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe("CSAT and CES accumulators", () => {
  it("give the batch results with the same options", () => {
    const ratings = [5, 4, 3, 2, 1, 5, 5];
    expect(createCsatAccumulator().addAll(ratings).result()).toEqual(csat(ratings));
    expect(createCsatAccumulator({ scale: [1, 5], satisfiedFrom: 3, decimals: 2 }).addAll(ratings).result()).toEqual(
      csat(ratings, { satisfiedFrom: 3, decimals: 2 }),
    );
    expect(createCesAccumulator({ lowerIsEasier: true, interval: "wald", confidence: 0.9 }).addAll(ratings).result()).toEqual(
      ces(ratings, { lowerIsEasier: true, interval: "wald", confidence: 0.9 }),
    );
  });

  it("result options override the defaults given at creation", () => {
    const acc = createCsatAccumulator({ decimals: 0 }).addAll([5, 4, 1]);
    expect(acc.result().score).toBe(67);
    expect(acc.result({ decimals: 2 }).score).toBe(66.67);
  });

  it("equal the batch on any split, through JSON", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 100 }), fc.nat(), fc.boolean(), (xs, cut, low) => {
        const k = cut % (xs.length + 1);
        const options = { scale: [1, 7] as [number, number], lowerIsEasier: low };
        const a = createCesAccumulator(options).addAll(xs.slice(0, k));
        const b = createCesAccumulator(options, roundTrip(createCesAccumulator(options).addAll(xs.slice(k)).toJSON()));
        expect(a.merge(b).result()).toEqual(ces(xs, options));
      }),
    );
  });

  it("report the effective sample size of weighted ratings", () => {
    const r = createCesAccumulator().add(5, 2).add(1, 1).result();
    expect(r).toEqual(ces([5, 1], { weights: [2, 1] }));
    expect(r.effectiveSampleSize).toBeCloseTo(9 / 5, 12);
  });

  it("add one rating at a time with weights", () => {
    const acc = createCsatAccumulator().add(5, 2).add(1);
    expect(acc.result()).toEqual(csat([5, 1], { weights: [2, 1] }));
    expect(createCesAccumulator({ lowerIsEasier: true }).add(1).add(5).toJSON()).toMatchObject({ hits: 1, total: 2, lowerIsEasier: true });
  });

  it.each([
    [() => createCsatAccumulator().merge(createCsatAccumulator({ satisfiedFrom: 5 })), "csat: other counts on scale 1-5 from 5, this one on 1-5 from 4: only accumulators with the same options merge"],
    [() => createCesAccumulator().merge(createCesAccumulator({ lowerIsEasier: true })), "ces: other counts on scale 1-5 from 2 down, this one on 1-5 from 4: only accumulators with the same options merge"],
    [() => createCesAccumulator({ lowerIsEasier: true }).merge(createCesAccumulator()), "ces: other counts on scale 1-5 from 4, this one on 1-5 from 2 down: only accumulators with the same options merge"],
    [() => createCsatAccumulator({ scale: [0, 10] }).merge(createCsatAccumulator()), "csat: other counts on scale 1-5 from 4, this one on 0-10 from 9: only accumulators with the same options merge"],
    [() => createCsatAccumulator().merge({ ...createCsatAccumulator().toJSON(), scale: [1, 6] }), "csat: other counts on scale 1-6 from 4, this one on 1-5 from 4: only accumulators with the same options merge"],
    [() => createCsatAccumulator().merge(createCesAccumulator() as never), "csat: other.metric is \"ces\", expected 'csat': only accumulators of the same metric merge"],
    [() => createCsatAccumulator({ weights: [1] } as never), 'csat: options has unknown key "weights"'],
    [() => createCsatAccumulator({}, { metric: "csat", scale: [1, 5], threshold: 4, lowerIsEasier: false, hits: 3, total: 2, sumOfSquares: 2, sumOfValues: 8 }), "csat: state.hits is 3, expected hits <= total"],
    [() => createCsatAccumulator().add(6), "csat: rating is 6, outside 1-5"],
    [() => createCesAccumulator().result({ interval: "adjusted-wald" } as never), "ces: options.interval is \"adjusted-wald\", expected one of 'wilson', 'wald'"],
    [() => createCesAccumulator({ lowerIsEasier: 1 } as never), "ces: options.lowerIsEasier is 1, expected true or false"],
  ])("refuse bad input %#", (run, message) => {
    expect(errorOf(run).message).toBe(message);
  });

  it("restore from their state alone, options included", () => {
    const csatAcc = createCsatAccumulator({ scale: [1, 7], satisfiedFrom: 6, decimals: 1, confidence: 0.9, interval: "wald" }).addAll([7, 1, 6]);
    const restored = createCsatAccumulator(undefined, roundTrip(csatAcc.toJSON()));
    expect(restored.result()).toEqual(csatAcc.result());
    expect(restored.toJSON()).toEqual(csatAcc.toJSON());
    const cesAcc = createCesAccumulator({ lowerIsEasier: true }).addAll([1, 5]);
    expect(createCesAccumulator(undefined, roundTrip(cesAcc.toJSON())).result()).toEqual(cesAcc.result());
    expect(() => createCesAccumulator(undefined, roundTrip(csatAcc.toJSON()) as never)).toThrow(
      "ces: state.metric is \"csat\", expected 'ces': only accumulators of the same metric merge",
    );
  });

  it("refuse to merge accumulators whose result options differ", () => {
    expect(() => createCsatAccumulator({ decimals: 1 }).addAll([5]).merge(createCsatAccumulator({ decimals: 3 }).addAll([1]))).toThrow(
      "csat: other rounds and estimates with other options (decimals, confidence, interval): only accumulators with the same options merge",
    );
    expect(() => createCesAccumulator({ interval: "wald" }).merge(createCesAccumulator())).toThrow(/only accumulators with the same options merge/);
  });

  it("restore from a state made with the same options", () => {
    const state = createCsatAccumulator({ scale: [1, 10] }).addAll([10, 9, 1]).toJSON();
    expect(state).toEqual({ metric: "csat", version: 1, scale: [1, 10], threshold: 9, lowerIsEasier: false, hits: 2, total: 3, sumOfSquares: 3, sumOfValues: 20 });
    expect(createCsatAccumulator({ scale: [1, 10] }, roundTrip(state)).result()).toEqual(csat([10, 9, 1], { scale: [1, 10] }));
  });
});
