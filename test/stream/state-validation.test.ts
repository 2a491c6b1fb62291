// Accumulators stay valid, JSON-serialisable and mergeable: add and addAll refuse what the batch refuses (and keep the
// accumulator as it was), counts stop before 2^53, and a state no accumulator could have written is refused.
import { describe, expect, it } from "vitest";
import { createCesAccumulator, createCsatAccumulator, createNpsAccumulator, createResponseTimeAccumulator, nps } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

function refusal(run: () => unknown) {
  const e = errorOf(run);
  return { code: e.code, path: e.issues[0]?.path };
}

const answered = (minutes: number) => ({ createdAt: 0, firstResponseAt: minutes * 60_000 });

describe("add and addAll refuse what the batch refuses", () => {
  it.each([1e200, 1e155, 1e-170])("a weight of %s, like nps(), and the accumulator is left as it was", (weight) => {
    expect(errorOf(() => nps([10], { weights: [weight] })).code).toBe("OUT_OF_RANGE");
    const acc = createNpsAccumulator();
    expect(refusal(() => acc.add(10, weight))).toEqual({ code: "OUT_OF_RANGE", path: ["weight"] });
    expect(refusal(() => acc.addAll([10], [weight]))).toEqual({ code: "OUT_OF_RANGE", path: ["weights"] });
    expect(acc.toJSON()).toEqual(createNpsAccumulator().toJSON());
    expect(JSON.parse(JSON.stringify(acc.toJSON()))).toEqual(acc.toJSON());
  });

  it("weights that only overflow together are refused at the one that overflows", () => {
    const acc = createCsatAccumulator().add(5, 6e153).add(4, 6e153);
    expect(refusal(() => acc.add(5, 2e153))).toEqual({ code: "OUT_OF_RANGE", path: ["weight"] });
    expect(acc.result().total).toBe(1.2e154);
  });

  it("a merge that would overflow is refused, naming the other accumulator", () => {
    const big = createCesAccumulator().add(5, 1.2e154);
    expect(refusal(() => createCesAccumulator().add(5, 1.2e154).merge(big))).toEqual({ code: "OUT_OF_RANGE", path: ["other"] });
  });
});

describe("counts past 2^53 are refused, never kept inexact", () => {
  const max = Number.MAX_SAFE_INTEGER;
  it("an NPS state at 2^53 − 1 responses takes no more", () => {
    const acc = createNpsAccumulator({ metric: "nps", promoters: max, passives: 0, detractors: 0, sumOfSquares: max, sumOfValues: 9 * max });
    expect(refusal(() => acc.add(10))).toEqual({ code: "OUT_OF_RANGE", path: [] });
    expect(errorOf(() => acc.add(10)).message).toBe("nps: the response would take the count of responses past 2^53 − 1 (9007199254740991), beyond which it would not be exact");
    expect(refusal(() => acc.addAll([1]))).toEqual({ code: "OUT_OF_RANGE", path: ["scores"] });
    expect(refusal(() => acc.merge(createNpsAccumulator().add(3)))).toEqual({ code: "OUT_OF_RANGE", path: ["other"] });
    expect(acc.result().total).toBe(max);
  });

  it("a response-time state at 2^53 − 1 tickets takes no more", () => {
    const state = { ...createResponseTimeAccumulator({ mode: "sketch" }).add({ createdAt: 0, firstResponseAt: null }).toJSON(), missing: max };
    const acc = createResponseTimeAccumulator(undefined, state);
    expect(refusal(() => acc.add({ createdAt: 0, firstResponseAt: null }))).toEqual({ code: "OUT_OF_RANGE", path: ["ticket"] });
    expect(refusal(() => acc.addAll([{ createdAt: 0 }]))).toEqual({ code: "OUT_OF_RANGE", path: ["tickets"] });
    expect(refusal(() => acc.merge(acc.toJSON()))).toEqual({ code: "OUT_OF_RANGE", path: ["other"] });
  });
});

describe("the sketch's relative accuracy is bounded", () => {
  it.each([1e-100, 5e-5, 0.51])("%s is refused", (relativeAccuracy) => {
    expect(refusal(() => createResponseTimeAccumulator({ mode: "sketch", relativeAccuracy }))).toEqual({ code: "INVALID_INPUT", path: ["options", "relativeAccuracy"] });
  });

  it("the finest accepted keeps finite bucket indexes over the whole range of durations", () => {
    const acc = createResponseTimeAccumulator({ mode: "sketch", relativeAccuracy: 1e-4 }).addAll([
      { createdAt: -8.64e15, firstResponseAt: 8.64e15 },
      { createdAt: 0, firstResponseAt: 1 },
    ]);
    const state = acc.toJSON();
    expect(state.sketch!.buckets.every(([i]) => Number.isSafeInteger(i))).toBe(true);
    expect(createResponseTimeAccumulator(undefined, JSON.parse(JSON.stringify(state))).result()).toEqual(acc.result());
  });
});

describe("a state no accumulator could have produced is refused", () => {
  const npsState = createNpsAccumulator().addAll([10, 9, 7, 3]).toJSON();
  const csatState = createCsatAccumulator().addAll([5, 4, 2]).toJSON();
  const cesState = createCesAccumulator({ scale: [1, 7], agreeFrom: 5 }).addAll([7, 5, 1]).toJSON();
  const sketchAcc = createResponseTimeAccumulator({ mode: "sketch" }).add(answered(2)).add(answered(4)).add(answered(0));
  const sketch = sketchAcc.toJSON();
  const exact = createResponseTimeAccumulator().add(answered(2)).toJSON();
  const resolution = createResponseTimeAccumulator({ measure: "resolutionTime" }).add({ createdAt: 0, resolvedAt: 60_000 }).toJSON();

  it.each([
    ["an NPS sum of scores above what the bands allow", () => createNpsAccumulator({ ...npsState, sumOfValues: 1000 }), ["state", "sumOfValues"]],
    ["an NPS sum of scores below what the bands allow", () => createNpsAccumulator({ ...npsState, sumOfValues: 10 }), ["state", "sumOfValues"]],
    ["an NPS sum of squares above the total squared", () => createNpsAccumulator({ ...npsState, sumOfSquares: 17 }), ["state", "sumOfSquares"]],
    ["an NPS sum of squares of 0 with responses", () => createNpsAccumulator({ ...npsState, sumOfSquares: 0 }), ["state", "sumOfSquares"]],
    ["an NPS state with an unknown key", () => createNpsAccumulator({ ...npsState, promotors: 1 } as never), ["state", "promotors"]],
    ["an NPS state of an unknown version", () => createNpsAccumulator({ ...npsState, version: 2 } as never), ["state", "version"]],
    ["a CSAT sum of ratings above count × scale", () => createCsatAccumulator(undefined, { ...csatState, sumOfValues: 16 }), ["state", "sumOfValues"]],
    ["a CSAT sum of ratings below count × scale", () => createCsatAccumulator(undefined, { ...csatState, sumOfValues: 2 }), ["state", "sumOfValues"]],
    ["a CES sum of ratings outside count × scale", () => createCesAccumulator(undefined, { ...cesState, sumOfValues: 22 }), ["state", "sumOfValues"]],
    ["a CSAT state with an unknown key", () => createCsatAccumulator(undefined, { ...csatState, extra: 1 } as never), ["state", "extra"]],
    ["a CES state of an unknown version", () => createCesAccumulator(undefined, { ...cesState, version: "2" } as never), ["state", "version"]],
    ["min above max", () => createResponseTimeAccumulator(undefined, { ...sketch, min: 5 * 60_000, max: 4 * 60_000 }), ["state", "min"]],
    ["a min that is not the smallest value", () => createResponseTimeAccumulator(undefined, { ...sketch, min: 60_000 }), ["state", "min"]],
    ["a max outside the highest bucket", () => createResponseTimeAccumulator(undefined, { ...sketch, max: 9 * 60_000 }), ["state", "max"]],
    ["a sum above count × max", () => createResponseTimeAccumulator(undefined, { ...sketch, sum: 3 * 4 * 60_000 + 1 }), ["state", "sum"]],
    [
      "unsorted sketch buckets",
      () => createResponseTimeAccumulator(undefined, { ...sketch, sketch: { ...sketch.sketch!, buckets: [...sketch.sketch!.buckets].reverse() } }),
      ["state", "sketch", "buckets", 1, 0],
    ],
    [
      "duplicate sketch buckets",
      () => {
        const [first] = sketch.sketch!.buckets;
        return createResponseTimeAccumulator(undefined, { ...sketch, count: 3, sketch: { ...sketch.sketch!, zeros: 1, buckets: [[first![0], 1], [first![0], 1]] } });
      },
      ["state", "sketch", "buckets", 1, 0],
    ],
    ["a bucket index no duration reaches", () => createResponseTimeAccumulator(undefined, { ...sketch, sketch: { ...sketch.sketch!, buckets: [[1e9, 2]] } }), ["state", "sketch", "buckets", 0, 0]],
    ["a fractional count", () => createResponseTimeAccumulator(undefined, { ...sketch, count: 2.5 }), ["state", "count"]],
    ["a fractional number of zeros", () => createResponseTimeAccumulator(undefined, { ...sketch, sketch: { ...sketch.sketch!, zeros: 0.5 } }), ["state", "sketch", "zeros"]],
    ["a fractional number of unanswered tickets", () => createResponseTimeAccumulator(undefined, { ...exact, missing: 1.5 }), ["state", "missing"]],
    ["an exact state with sketch fields", () => createResponseTimeAccumulator(undefined, { ...exact, count: 1 }), ["state", "count"]],
    ["a sketch with an unknown key", () => createResponseTimeAccumulator(undefined, { ...sketch, sketch: { ...sketch.sketch!, gamma: 1.02 } as never }), ["state.sketch", "gamma"]],
    ["a response-time state with an unknown key", () => createResponseTimeAccumulator(undefined, { ...exact, p99: 1 } as never), ["state", "p99"]],
    ["a response-time state of an unknown version", () => createResponseTimeAccumulator(undefined, { ...exact, version: 3 } as never), ["state", "version"]],
    ["a resolution-time state given to a first-response accumulator", () => createResponseTimeAccumulator({}, resolution), ["state"]],
    ["a resolution-time state merged into a first-response accumulator", () => createResponseTimeAccumulator().merge(resolution), ["other"]],
    ["sketch buckets that are not an array", () => createResponseTimeAccumulator(undefined, { ...sketch, sketch: { ...sketch.sketch!, buckets: "none" as never } }), ["state", "sketch", "buckets"]],
    [
      "a max above 0 in a sketch of zeros",
      () => createResponseTimeAccumulator(undefined, { ...sketch, count: 1, sum: 0, min: 0, max: 5, sketch: { ...sketch.sketch!, zeros: 1, buckets: [] } }),
      ["state", "max"],
    ],
    ["a min in an empty sketch", () => createResponseTimeAccumulator(undefined, { ...createResponseTimeAccumulator({ mode: "sketch" }).toJSON(), min: 3 }), ["state", "min"]],
    ["a duration past the range of a Date", () => createResponseTimeAccumulator(undefined, { ...exact, durations: [2e16] }), ["state", "durations", 0]],
  ] as const)("%s", (_name, run, path) => {
    expect(refusal(run)).toEqual({ code: "INVALID_INPUT", path });
  });

  it("what accumulators write is accepted, after a JSON round trip", () => {
    const weighted = createNpsAccumulator().addAll([10, 9, 7, 3, 0], [0.1, 0.2, 0.3, 0.7, 1.9]).toJSON();
    expect(createNpsAccumulator(JSON.parse(JSON.stringify(weighted))).toJSON()).toEqual(weighted);
    expect(createCesAccumulator(undefined, JSON.parse(JSON.stringify(cesState))).toJSON()).toEqual(cesState);
    expect(createResponseTimeAccumulator(undefined, JSON.parse(JSON.stringify(sketch))).result()).toEqual(sketchAcc.result());
    const empty = createResponseTimeAccumulator({ mode: "sketch" }).toJSON();
    expect(createResponseTimeAccumulator(undefined, empty).toJSON()).toEqual(empty);
  });

  it("a state without a version is read as version 1", () => {
    const { version: _, ...old } = npsState;
    expect(createNpsAccumulator(old).toJSON()).toEqual(npsState);
  });
});
