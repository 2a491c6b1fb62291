import { describe, expect, it } from "vitest";
import { ces, createCesAccumulator, createCsatAccumulator, createNpsAccumulator } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";


const boom = () => {
  throw new Error("boom");
};
const npsState = (fields: Record<string, unknown>) =>
  ({ metric: "nps", promoters: 2, passives: 1, detractors: 1, sumOfSquares: 4, sumOfValues: 30, ...fields }) as never;
const csatState = (fields: Record<string, unknown>) =>
  ({ ...createCsatAccumulator().addAll([5, 4, 1]).toJSON(), ...fields }) as never;

describe("accumulators name the field and path of what they refuse", () => {
  it.each([
    [() => createNpsAccumulator(npsState({ passives: -1 })), "INVALID_INPUT", "createNpsAccumulator: state.passives is -1, expected a finite, non-negative number", ["state", "passives"]],
    [() => createNpsAccumulator(npsState({ promoters: Number.POSITIVE_INFINITY })), "INVALID_INPUT", "createNpsAccumulator: state.promoters is Infinity, expected a finite, non-negative number", ["state", "promoters"]],
    [() => createNpsAccumulator().merge(npsState({ sumOfSquares: "4" })), "INVALID_INPUT", 'nps: other.sumOfSquares is "4", expected a finite, non-negative number', ["other", "sumOfSquares"]],
    [() => createNpsAccumulator().merge(npsState({ sumOfValues: -30 })), "INVALID_INPUT", "nps: other.sumOfValues is -30, expected a finite, non-negative number", ["other", "sumOfValues"]],
    [() => createNpsAccumulator().merge("nps" as never), "INVALID_INPUT", 'nps: other is "nps", expected an accumulator or its toJSON() state', ["other"]],
    [() => createNpsAccumulator().merge(Object.assign(() => 0, { toJSON: () => npsState({}) }) as never), "INVALID_INPUT", "nps: other is a function, expected an accumulator or its toJSON() state", ["other"]],
    [() => createNpsAccumulator().add(-1), "OUT_OF_RANGE", "nps: score is -1, outside 0-10", ["score"]],
    [() => createNpsAccumulator().add(2.5), "INVALID_INPUT", "nps: score is 2.5, expected an integer", ["score"]],
    [() => createNpsAccumulator().add(5, Number.POSITIVE_INFINITY), "INVALID_INPUT", "nps: weight is Infinity, expected a finite, non-negative weight", ["weight"]],
    [() => createNpsAccumulator().add(5, "2" as never), "INVALID_INPUT", 'nps: weight is "2", expected a finite, non-negative weight', ["weight"]],
    [() => createNpsAccumulator().addAll(null as never), "INVALID_INPUT", "nps: scores is null, expected an array of scores", ["scores"]],
    [() => createNpsAccumulator().addAll("910" as never), "INVALID_INPUT", 'nps: scores is "910", expected an array of scores', ["scores"]],
    [() => createNpsAccumulator().addAll({ 0: 9 } as never), "INVALID_INPUT", "nps: scores is an object, expected an array of scores", ["scores"]],
    [() => createNpsAccumulator().addAll([1], null as never), "INVALID_INPUT", "nps: weights is null, expected an array of weights", ["weights"]],
    [() => createNpsAccumulator().add({ valueOf: boom } as never), "INVALID_INPUT", "nps: input could not be read (boom)", []],
    [() => createNpsAccumulator().add(1).result({ get decimals() { return boom(); } } as never), "INVALID_INPUT", "nps: input could not be read (boom)", []],
    [() => createCsatAccumulator({ get decimals() { return boom(); } } as never), "INVALID_INPUT", "createCsatAccumulator: input could not be read (boom)", []],
    [() => createCesAccumulator({ get decimals() { return boom(); } } as never), "INVALID_INPUT", "createCesAccumulator: input could not be read (boom)", []],
    [() => createCsatAccumulator().addAll(5 as never), "INVALID_INPUT", "csat: ratings is 5, expected an array of ratings", ["ratings"]],
    [() => createCsatAccumulator().merge(csatState({ hits: "2" })), "INVALID_INPUT", 'csat: other.hits is "2", expected a finite, non-negative number', ["other", "hits"]],
    [() => createCsatAccumulator().merge(csatState({ total: -3 })), "INVALID_INPUT", "csat: other.total is -3, expected a finite, non-negative number", ["other", "total"]],
    [() => createCsatAccumulator().merge(csatState({ hits: 4 })), "INVALID_INPUT", "csat: other.hits is 4, expected hits <= total", ["other", "hits"]],
    [() => createCsatAccumulator().merge(csatState({ sumOfSquares: -1 })), "INVALID_INPUT", "csat: other.sumOfSquares is -1, expected a finite, non-negative number", ["other", "sumOfSquares"]],
    [() => createCsatAccumulator().merge(csatState({ sumOfValues: Number.NaN })), "INVALID_INPUT", "csat: other.sumOfValues is NaN, expected a finite, non-negative number", ["other", "sumOfValues"]],
    [() => createCsatAccumulator().merge(csatState({ scale: [2, 5] })), "INVALID_INPUT", "csat: other counts on scale 2-5 from 4, this one on 1-5 from 4: only accumulators with the same options merge", ["other"]],
    [() => createCesAccumulator().merge({ ...createCesAccumulator().toJSON(), lowerIsEasier: true }), "INVALID_INPUT", "ces: other counts on scale 1-5 from 4 down, this one on 1-5 from 4: only accumulators with the same options merge", ["other"]],
  ])("case %#", (run, code, message, path) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });

  it("refuse a state whose scale or threshold cannot be read, naming the field", () => {
    expect(errorOf(() => createCsatAccumulator().merge(csatState({ scale: "1-5" }))).issues[0]!.path).toEqual(["other", "scale"]);
    expect(errorOf(() => createCsatAccumulator().merge(csatState({ threshold: 4.5 }))).issues[0]!.path).toEqual(["other", "threshold"]);
  });
});

describe("accumulators accept what the batch accepts", () => {
  it("a zero weight counts for nothing", () => {
    expect(createNpsAccumulator().add(0, 0).add(10).result().score).toBe(100);
  });

  it("a zero in a restored state", () => {
    expect(createNpsAccumulator(npsState({ passives: 0, sumOfSquares: 3, sumOfValues: 20 })).result().total).toBe(3);
  });

  it("a CES state counted downwards restores to the batch result", () => {
    const ratings = [1, 2, 5, 3, 1];
    const state = JSON.parse(JSON.stringify(createCesAccumulator({ lowerIsEasier: true }).addAll(ratings).toJSON()));
    expect(state).toMatchObject({ hits: 3, total: 5 });
    expect(createCesAccumulator({ lowerIsEasier: true }, state).result()).toEqual(ces(ratings, { lowerIsEasier: true }));
  });
});
