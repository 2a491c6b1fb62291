import { describe, expect, it } from "vitest";
import { percentile, percentileFraction } from "../../src/internal/percentile.js";
import { computeDurationStats } from "../../src/support/duration-stats.js";
import { failure } from "./helpers.js";

describe("percentile (linear interpolation, numpy default / Excel PERCENTILE.INC)", () => {
  it.each([
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4], 90, 3.7],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 100, 4],
    [[10, 20, 30, 40, 50], 90, 46],
    [[5], 90, 5],
    [[0, 10], 25, 2.5],
  ])("percentile(%j, %i) is %d", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it("keeps the interpolation as an exact fraction", () => {
    expect(percentileFraction([60_000, 120_000, 180_000, 240_000], 90)).toEqual([180_000 * 100 + 70 * 60_000, 100]);
    expect(percentileFraction([3, 9], 0)).toEqual([3, 1]);
  });
});

describe("computeDurationStats", () => {
  it("summarises milliseconds in a unit and sorts in place", () => {
    const durations = Float64Array.from([240_000, 60_000, 180_000, 120_000]);
    expect(computeDurationStats(durations, "minutes", undefined, "m", "none")).toEqual({ mean: 2.5, median: 2.5, p90: 3.7, min: 1, max: 4 });
    expect([...durations]).toEqual([60_000, 120_000, 180_000, 240_000]);
  });

  it("is EMPTY_INPUT without durations", () => {
    expect(failure(() => computeDurationStats(new Float64Array(0), "hours", 2, "accumulate", "nothing to summarise"))).toBe(
      "EMPTY_INPUT accumulate: nothing to summarise",
    );
  });
});
