import { describe, expect, it } from "vitest";
import { type BusinessCalendar, createCesAccumulator, createCsatAccumulator, createResponseTimeAccumulator, firstResponseTime } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const calendar: BusinessCalendar = { timeZone: "UTC", weekly: { monday: [["09:00", "17:00"]] } };
const answered = (minutes: number) => ({ createdAt: 0, firstResponseAt: minutes * 60_000 });
const sketchState = (fields: Record<string, unknown>) =>
  ({ ...createResponseTimeAccumulator({ mode: "sketch" }).add(answered(2)).add(answered(4)).toJSON(), ...fields }) as never;

function refusal(run: () => unknown) {
  const e = errorOf(run);
  return { code: e.code, path: e.issues[0]?.path, message: e.message };
}

describe("response-time accumulator names the path of what it refuses", () => {
  it.each([
    [() => createResponseTimeAccumulator().add({ createdAt: 10, firstResponseAt: 5 }), ["ticket", "firstResponseAt"], "firstResponseTime: ticket.firstResponseAt is 5, expected an instant not before createdAt (10)"],
    [() => createResponseTimeAccumulator({ relativeAccuracy: 0.01 }), ["options", "relativeAccuracy"], "createResponseTimeAccumulator: options.relativeAccuracy applies to mode 'sketch'"],
    [() => createResponseTimeAccumulator().merge(createResponseTimeAccumulator({ unit: "hours" })), ["other"], "firstResponseTime: other was made with other options: only accumulators with the same options merge"],
    [() => createResponseTimeAccumulator({}, 5 as never), ["state"], "createResponseTimeAccumulator: state is 5, expected a response-time accumulator or its toJSON() state"],
    [() => createResponseTimeAccumulator({}, { ...createResponseTimeAccumulator().toJSON(), missing: -1 }), ["state", "missing"], "createResponseTimeAccumulator: state.missing is -1, expected a count (a non-negative integer up to 2^53 − 1)"],
    [() => createResponseTimeAccumulator({ mode: "sketch" }).merge(sketchState({ sketch: { relativeAccuracy: 0.01, zeros: -1, buckets: [] } })), ["other", "sketch", "zeros"], "firstResponseTime: other.sketch.zeros is -1, expected a count (a non-negative integer up to 2^53 − 1)"],
    [() => createResponseTimeAccumulator({ mode: "sketch" }).merge(sketchState({ count: "2" })), ["other", "count"], 'firstResponseTime: other.count is "2", expected a count (a non-negative integer up to 2^53 − 1)'],
    [() => createResponseTimeAccumulator({ mode: "sketch" }).merge(sketchState({ sum: -1 })), ["other", "sum"], "firstResponseTime: other.sum is -1, expected a finite, non-negative number"],
    [() => createResponseTimeAccumulator({ mode: "sketch" }).merge(sketchState({ min: null })), ["other", "min"], "firstResponseTime: other.min is null, expected a finite, non-negative number"],
    [() => createResponseTimeAccumulator({ mode: "sketch" }).merge(sketchState({ max: Number.NaN })), ["other", "max"], "firstResponseTime: other.max is NaN, expected a finite, non-negative number"],
  ])("refuses bad input with its code, path and message (case %#)", (run, path, message) => {
    expect(refusal(run)).toEqual({ code: "INVALID_INPUT", path, message });
  });

  it("refuses a sketch bucket that counts nothing", () => {
    const state = sketchState({ count: 0, sketch: { relativeAccuracy: 0.01, zeros: 0, buckets: [[5, 0]] } });
    expect(refusal(() => createResponseTimeAccumulator({ mode: "sketch" }, state))).toEqual({
      code: "INVALID_INPUT",
      path: ["state", "sketch", "buckets", 0],
      message: "createResponseTimeAccumulator: state.sketch.buckets[0] is [5, 0], expected an [index, count] pair of integers, the count positive",
    });
  });

  it.each([[0], [-0.1], ["0.1"], [Number.NaN]])("refuses the relative accuracy %s", (relativeAccuracy) => {
    expect(refusal(() => createResponseTimeAccumulator({ mode: "sketch", relativeAccuracy: relativeAccuracy as number }))).toMatchObject({
      code: "INVALID_INPUT",
      path: ["options", "relativeAccuracy"],
    });
  });

  it("accepts a relative accuracy of exactly 0.5", () => {
    expect(createResponseTimeAccumulator({ mode: "sketch", relativeAccuracy: 0.5 }).toJSON().sketch?.relativeAccuracy).toBe(0.5);
  });

  it("refuses merging accumulators that round or count business hours differently", () => {
    expect(refusal(() => createResponseTimeAccumulator().merge(createResponseTimeAccumulator({ decimals: 1 }))).path).toEqual(["other"]);
    expect(refusal(() => createResponseTimeAccumulator().merge(createResponseTimeAccumulator({ businessHours: calendar }))).path).toEqual(["other"]);
  });

  it("checks a state against the options given rather than adopting the state's options", () => {
    const hours = createResponseTimeAccumulator({ unit: "hours" }).add(answered(60)).toJSON();
    expect(refusal(() => createResponseTimeAccumulator({ unit: "minutes" }, hours))).toEqual({
      code: "INVALID_INPUT",
      path: ["state"],
      message: "createResponseTimeAccumulator: state was made with other options: only accumulators with the same options merge",
    });
  });

  it("restored from a sketch state without its sketch, refuses it as made with other options", () => {
    const { sketch: _, ...state } = createResponseTimeAccumulator({ mode: "sketch" }).toJSON();
    expect(refusal(() => createResponseTimeAccumulator(undefined, state)).message).toBe(
      "createResponseTimeAccumulator: state was made with other options: only accumulators with the same options merge",
    );
  });

  it("refuses an exact state that carries a stray sketch field: no accumulator writes one", () => {
    const state = { ...createResponseTimeAccumulator().add(answered(3)).toJSON(), sketch: { relativeAccuracy: 0.02, zeros: 0, buckets: [] } };
    expect(refusal(() => createResponseTimeAccumulator(undefined, state))).toEqual({
      code: "INVALID_INPUT",
      path: ["state", "sketch"],
      message: "createResponseTimeAccumulator: state.sketch belongs to the other mode: an exact state has none",
    });
  });

  it("says an empty first-response accumulator has no answered tickets", () => {
    expect(refusal(() => createResponseTimeAccumulator().result())).toEqual({
      code: "EMPTY_INPUT",
      path: [],
      message: "firstResponseTime: no answered tickets: the first-response time of nothing is undefined",
    });
  });
});

describe("response-time accumulator content", () => {
  it("keeps every duration of a large batch added at once", () => {
    const t = Array.from({ length: 300 }, (_, i) => ({ createdAt: i, firstResponseAt: i + ((i * 37) % 101) * 60_000 }));
    expect(createResponseTimeAccumulator().addAll(t).result()).toEqual(firstResponseTime(t));
  });

  it("merging an empty sketch state leaves the extremes alone", () => {
    const acc = createResponseTimeAccumulator({ mode: "sketch" }).add(answered(2)).add(answered(4));
    const r = acc.merge(roundTrip(createResponseTimeAccumulator({ mode: "sketch" }).toJSON())).result();
    expect([r.min, r.max, r.answered]).toEqual([2, 4, 2]);
  });

  it("writes no keys for options that were not set", () => {
    expect(Object.keys(createResponseTimeAccumulator().toJSON()).sort()).toEqual(["durations", "measure", "metric", "missing", "mode", "unit", "version"]);
  });
});

describe("csat and ces accumulators and their states", () => {
  it("refuse merging an accumulator with other result defaults, naming it", () => {
    expect(refusal(() => createCsatAccumulator().merge(createCsatAccumulator({ decimals: 1 })))).toEqual({
      code: "INVALID_INPUT",
      path: ["other"],
      message: "csat: other rounds and estimates with other options (decimals, confidence, interval): only accumulators with the same options merge",
    });
  });

  it("name the state when it is not one", () => {
    expect(refusal(() => createCsatAccumulator(undefined, 5 as never))).toEqual({
      code: "INVALID_INPUT",
      path: ["state"],
      message: "csat: state is 5, expected an accumulator or its toJSON() state",
    });
  });

  it("restore a csat state alone", () => {
    const acc = createCsatAccumulator().addAll([5, 4, 1]);
    expect(createCsatAccumulator(undefined, roundTrip(acc.toJSON())).result()).toEqual(acc.result());
  });

  it("check a state against the options given rather than adopting the state's options", () => {
    const plain = createCsatAccumulator().addAll([5, 4]).toJSON();
    expect(refusal(() => createCsatAccumulator({ decimals: 1 }, plain)).path).toEqual(["state"]);
    const cesPlain = createCesAccumulator().addAll([5, 4]).toJSON();
    expect(refusal(() => createCesAccumulator({ decimals: 1 }, cesPlain)).path).toEqual(["state"]);
  });

  it("write no keys for result defaults that were not set", () => {
    const keys = Object.keys(createCsatAccumulator().toJSON());
    expect(keys.filter((k) => ["decimals", "confidence", "interval"].includes(k))).toEqual([]);
  });
});

describe("a CES state restores on its own", () => {
  it("keeps the direction of a state written with the default lowerIsEasier", () => {
    // Ratings 5, 4, 2 on the default 1-5 scale: 4 and 5 agree, so 2 of 3 responses count and the score is 200/3.
    const state = createCesAccumulator().addAll([5, 4, 2]).toJSON();
    const restored = createCesAccumulator(undefined, state);
    expect(restored.result().score).toBe(200 / 3);
    expect(restored.toJSON().lowerIsEasier).not.toBe(true);
  });
});
