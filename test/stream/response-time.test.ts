import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BusinessCalendar, createResponseTimeAccumulator, firstResponseTime, resolutionTime } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";


const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const T0 = Date.UTC(2026, 10, 23, 9);

function tickets(minutes: Array<number | null>) {
  return minutes.map((m, i) => ({ createdAt: T0 + i * 1000, firstResponseAt: m === null ? null : T0 + i * 1000 + m * 60_000 }));
}

const calendar: BusinessCalendar = {
  timeZone: "Europe/Budapest",
  weekly: { monday: [["09:00", "17:00"]], tuesday: [["09:00", "17:00"]] },
};

describe("response-time accumulator, exact mode", () => {
  it("gives the batch result", () => {
    const t = tickets([4, 1, null, 3, 2, 60]);
    expect(createResponseTimeAccumulator().addAll(t).result()).toEqual(firstResponseTime(t));
    const acc = createResponseTimeAccumulator({ unit: "seconds", decimals: 1 });
    for (const x of t) acc.add(x);
    expect(acc.result()).toEqual(firstResponseTime(t, { unit: "seconds", decimals: 1 }));
    expect(acc.result({ unit: "hours", decimals: 3 })).toEqual(firstResponseTime(t, { unit: "hours", decimals: 3 }));
  });

  it("measures resolution time and business hours like the batch functions", () => {
    const t = [
      { createdAt: "2026-11-23T15:00:00Z", resolvedAt: "2026-11-24T09:00:00Z" },
      { createdAt: "2026-11-23T08:00:00Z", resolvedAt: null },
    ];
    const acc = createResponseTimeAccumulator({ measure: "resolutionTime", businessHours: calendar, unit: "hours" }).addAll(t);
    expect(acc.result()).toEqual(resolutionTime(t, { businessHours: calendar, unit: "hours" }));
    expect(acc.result()).toMatchObject({ metric: "resolutionTime", resolved: 1, unresolved: 1, mean: 2 });
  });

  it("equals the batch on any split, merged through JSON", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }), { minLength: 1, maxLength: 60 }), fc.nat(), (minutes, cut) => {
        fc.pre(minutes.some((m) => m !== null));
        const t = tickets(minutes);
        const k = cut % (t.length + 1);
        const left = createResponseTimeAccumulator().addAll(t.slice(0, k));
        const right = createResponseTimeAccumulator({}, roundTrip(createResponseTimeAccumulator().addAll(t.slice(k)).toJSON()));
        expect(right.merge(left).result()).toEqual(firstResponseTime(t));
      }),
    );
  });
});

describe("response-time accumulator, growing", () => {
  it("keeps 200,000 durations, past the largest chunk, in the order added", () => {
    const durations = Array.from({ length: 200_000 }, (_, i) => (i * 104_729) % 1_000_003);
    durations[150_000] = 2 ** 40;
    const t = durations.map((d, i) => ({ createdAt: T0 + i, firstResponseAt: T0 + i + d }));
    const acc = createResponseTimeAccumulator({ unit: "milliseconds" });
    for (let i = 0; i < t.length; i += 4096) acc.addAll(t.slice(i, i + 4096));
    expect(acc.toJSON().durations).toEqual(durations);
    expect(acc.result()).toEqual(firstResponseTime(t, { unit: "milliseconds" }));
  });

  it("keeps durations of 2^32 ms and more, and fractions from a state, exactly once past the compact store", () => {
    // Durations below 2^32 ms are held in four bytes each; the first one that is not moves them all to doubles.
    const days = [0.5, 30, 49.7, 49.8, 400, 12_000].map((d) => Math.round(d * 86_400_000));
    const small = Array.from({ length: 300 }, (_, i) => (i * 7919) % 100_000);
    const durations = [...small, 2 ** 32 - 1, ...days, 2 ** 32, 2 ** 32 + 1, ...small.slice(0, 100)];
    const t = durations.map((d, i) => ({ createdAt: T0 + i, firstResponseAt: T0 + i + d }));
    const acc = createResponseTimeAccumulator({ unit: "milliseconds" });
    for (let i = 0; i < t.length; i += 50) acc.addAll(t.slice(i, i + 50));
    expect(acc.toJSON().durations).toEqual(durations);
    expect(acc.result()).toEqual(firstResponseTime(t, { unit: "milliseconds" }));
    const sorted = [...durations].sort((a, b) => a - b);
    expect(acc.result()).toMatchObject({ min: 0, max: 12_000 * 86_400_000, median: sorted[(sorted.length - 1) / 2] });

    const state = { ...createResponseTimeAccumulator({ unit: "milliseconds" }).toJSON(), durations: [3, 1.5, 2 ** 32 - 1] };
    const merged = createResponseTimeAccumulator({ unit: "milliseconds" }, state).addAll(t.slice(0, 2));
    expect(merged.toJSON().durations).toEqual([3, 1.5, 2 ** 32 - 1, durations[0], durations[1]]);
    expect(merged.result()).toMatchObject({ min: 0, median: 3, max: 2 ** 32 - 1 });
  });

  it("keeps every duration of a long stream in exact mode", () => {
    const t = tickets(Array.from({ length: 500 }, (_, i) => (i * 37) % 101));
    const acc = createResponseTimeAccumulator();
    for (let i = 0; i < t.length; i += 7) acc.addAll(t.slice(i, i + 7));
    expect(acc.result()).toEqual(firstResponseTime(t));
  });
});

describe("response-time accumulator, sketch mode", () => {
  it("reports instant answers as exactly 0", () => {
    const t = tickets([0, 0, 0, 0, 5]);
    const r = createResponseTimeAccumulator({ mode: "sketch" }).addAll(t).result();
    expect([r.median, r.p90 > 0, r.min]).toEqual([0, true, 0]);
  });

  it("keeps mean, min, max and counts exact and percentiles within the relative accuracy", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.01, 0.02, 0.05),
        (ms, alpha) => {
          const t = ms.map((d, i) => ({ createdAt: T0 + i, firstResponseAt: T0 + i + d }));
          const exact = firstResponseTime(t, { unit: "milliseconds" });
          const approx = createResponseTimeAccumulator({ mode: "sketch", relativeAccuracy: alpha, unit: "milliseconds" }).addAll(t).result();
          expect(approx.mean).toBe(exact.mean);
          expect([approx.min, approx.max, approx.answered, approx.unanswered]).toEqual([exact.min, exact.max, exact.answered, exact.unanswered]);
          for (const key of ["median", "p90"] as const) {
            expect(Math.abs(approx[key] - exact[key])).toBeLessThanOrEqual(alpha * exact[key] + 1e-9);
          }
        },
      ),
    );
  });

  it("merges in any order through JSON, in bounded memory", () => {
    const a = createResponseTimeAccumulator({ mode: "sketch" });
    const b = createResponseTimeAccumulator({ mode: "sketch" });
    for (let i = 0; i < 20_000; i++) (i % 2 === 0 ? a : b).add({ createdAt: 0, firstResponseAt: 1 + ((i * 7919) % 86_400_000) });
    b.add({ createdAt: 0, firstResponseAt: 0 }).add({ createdAt: 0 });
    const ab = createResponseTimeAccumulator({ mode: "sketch" }, roundTrip(a.toJSON())).merge(b);
    const ba = createResponseTimeAccumulator({ mode: "sketch" }, roundTrip(b.toJSON())).merge(a);
    expect(ab.result()).toEqual(ba.result());
    expect(ab.result().answered).toBe(20_001);
    expect(ab.result().unanswered).toBe(1);
    expect(ab.toJSON().sketch!.buckets.length).toBeLessThan(1000);
  });

  it("has an empty result until a ticket with an end arrives, and an empty state merges", () => {
    const empty = createResponseTimeAccumulator({ mode: "sketch" });
    expect(errorOf(() => empty.result()).code).toBe("EMPTY_INPUT");
    const acc = createResponseTimeAccumulator({ mode: "sketch" }).add({ createdAt: 0, firstResponseAt: 60_000 });
    expect(acc.merge(roundTrip(empty.toJSON())).result().mean).toBe(1);
    expect(empty.toJSON()).toMatchObject({ count: 0, min: 0, max: 0 });
  });
});

describe("response-time accumulator refuses", () => {
  it.each([
    [() => createResponseTimeAccumulator({ mode: "fast" } as never), "createResponseTimeAccumulator: options.mode is \"fast\", expected one of 'exact', 'sketch'"],
    [() => createResponseTimeAccumulator({ relativeAccuracy: 0.01 }), "createResponseTimeAccumulator: options.relativeAccuracy applies to mode 'sketch'"],
    [() => createResponseTimeAccumulator({ mode: "sketch", relativeAccuracy: 0.9 }), "createResponseTimeAccumulator: options.relativeAccuracy is 0.9, expected a relative accuracy in [0.0001, 0.5]"],
    [() => createResponseTimeAccumulator().add({ createdAt: 10, firstResponseAt: 5 }), "firstResponseTime: ticket.firstResponseAt is 5, expected an instant not before createdAt (10)"],
    [() => createResponseTimeAccumulator().add(null as never), "firstResponseTime: ticket is null, expected a ticket object"],
    [() => createResponseTimeAccumulator().addAll({} as never), "firstResponseTime: tickets is an object, expected an array of tickets"],
    [() => createResponseTimeAccumulator().addAll([{ createdAt: "x" }]), 'firstResponseTime: tickets[0].createdAt is "x", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds'],
    [() => createResponseTimeAccumulator().merge(createResponseTimeAccumulator({ unit: "hours" })), "firstResponseTime: other was made with other options: only accumulators with the same options merge"],
    [() => createResponseTimeAccumulator().merge({ metric: "nps" } as never), "firstResponseTime: other is an object, expected a response-time accumulator or its toJSON() state"],
    [() => createResponseTimeAccumulator({}, { metric: "responseTime", measure: "firstResponseTime", unit: "minutes", mode: "exact", missing: 0, durations: [1, -2] }), "createResponseTimeAccumulator: state.durations[1] is -2, expected a finite, non-negative number"],
    [() => createResponseTimeAccumulator({}, { metric: "responseTime", measure: "firstResponseTime", unit: "minutes", mode: "exact", missing: 0 }), "createResponseTimeAccumulator: state.durations is missing, expected an array of durations"],
    [() => createResponseTimeAccumulator({ mode: "sketch" }, { ...createResponseTimeAccumulator({ mode: "sketch" }).toJSON(), count: 3 }), "createResponseTimeAccumulator: state.count is 3, expected 0, the number of values in the sketch"],
    [() => createResponseTimeAccumulator({ mode: "sketch" }, { ...createResponseTimeAccumulator({ mode: "sketch" }).toJSON(), sketch: { relativeAccuracy: 0.01, zeros: 0, buckets: [[1.5, 2]] } } as never), "createResponseTimeAccumulator: state.sketch.buckets[0] is [1.5, 2], expected an [index, count] pair of integers, the count positive"],
    [() => createResponseTimeAccumulator().add({ createdAt: 0, firstResponseAt: 1 }).result({ unit: "weeks" } as never), "firstResponseTime: options.unit is \"weeks\", expected 'milliseconds', 'seconds', 'minutes', 'hours' or 'days'"],
  ])("bad input %#", (run, message) => {
    const error = errorOf(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });

  it("a sketch state without its sketch", () => {
    const { sketch: _, ...state } = createResponseTimeAccumulator({ mode: "sketch" }).toJSON();
    expect(errorOf(() => createResponseTimeAccumulator({ mode: "sketch" }, state)).message).toBe(
      "createResponseTimeAccumulator: state was made with other options: only accumulators with the same options merge",
    );
    const broken = { ...createResponseTimeAccumulator({ mode: "sketch" }).toJSON(), sketch: { relativeAccuracy: 0.01 } };
    expect(errorOf(() => createResponseTimeAccumulator({ mode: "sketch" }, broken as never)).message).toBe(
      "createResponseTimeAccumulator: state.sketch.zeros is missing, expected a count (a non-negative integer up to 2^53 − 1)",
    );
  });

  it("a ticket whose fields cannot be read", () => {
    const hostile = Object.defineProperty({}, "createdAt", {
      get() {
        throw new Error("no");
      },
    });
    expect(errorOf(() => createResponseTimeAccumulator().add(hostile)).message).toBe("firstResponseTime: input could not be read (no)");
  });

  it("restores from its state alone, options included", () => {
    const options = { mode: "sketch" as const, relativeAccuracy: 0.02, unit: "hours" as const, measure: "resolutionTime" as const };
    const acc = createResponseTimeAccumulator(options).add({ createdAt: 0, resolvedAt: 7_200_000 });
    const restored = createResponseTimeAccumulator(undefined, roundTrip(acc.toJSON()));
    expect(restored.result()).toEqual(acc.result());
    expect(restored.toJSON()).toEqual(acc.toJSON());
    const exact = createResponseTimeAccumulator({ decimals: 1, businessHours: calendar }).add({ createdAt: 0, firstResponseAt: 1 });
    expect(createResponseTimeAccumulator(undefined, roundTrip(exact.toJSON())).toJSON()).toEqual(exact.toJSON());
    expect(() => createResponseTimeAccumulator(undefined, { metric: "nps" } as never)).toThrow(
      "createResponseTimeAccumulator: state is an object, expected a response-time accumulator or its toJSON() state",
    );
  });

  it("keeps its options in its state", () => {
    const options = { unit: "hours" as const, decimals: 2, businessHours: calendar };
    const acc = createResponseTimeAccumulator(options).add({ createdAt: "2026-11-23T08:00:00Z", firstResponseAt: "2026-11-23T09:30:00Z" });
    const state = roundTrip(acc.toJSON());
    expect(state).toMatchObject({ unit: "hours", decimals: 2, businessHours: calendar, durations: [5_400_000] });
    expect(createResponseTimeAccumulator(options, state).result().mean).toBe(1.5);
  });

  it("resolution accumulators say so when empty", () => {
    expect(errorOf(() => createResponseTimeAccumulator({ measure: "resolutionTime" }).add({ createdAt: 0 }).result()).message).toBe(
      "resolutionTime: no resolved tickets: the resolution time of nothing is undefined",
    );
  });
});
