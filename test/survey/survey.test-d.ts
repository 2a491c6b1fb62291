import { describe, expectTypeOf, it } from "vitest";
import {
  type CesResult,
  type CsatOptions,
  type CsatResult,
  type CxMetricsErrorCode,
  ces,
  csat,
  type NpsCounts,
  type NpsOptions,
  type NpsResult,
  nps,
  npsCategory,
} from "../../src/index.js";

describe("survey signatures", () => {
  it("nps takes scores or counts and returns an NpsResult", () => {
    expectTypeOf(nps).toBeCallableWith([1, 2, 3]);
    expectTypeOf(nps).toBeCallableWith(new Uint8Array(3), { decimals: 1 });
    expectTypeOf(nps).toBeCallableWith({ promoters: 1, passives: 2, detractors: 3 });
    expectTypeOf(nps([1])).toEqualTypeOf<NpsResult>();
    expectTypeOf<NpsResult["metric"]>().toEqualTypeOf<"nps">();
    expectTypeOf<NpsCounts>().toEqualTypeOf<{ promoters: number; passives: number; detractors: number }>();
    expectTypeOf<NpsOptions["weights"]>().toEqualTypeOf<ArrayLike<number> | undefined>();
  });

  it("nps refuses a string and a misspelt option", () => {
    // @ts-expect-error scores are numbers
    nps("10");
    // @ts-expect-error options are checked
    nps([1], { decimal: 2 });
  });

  it("npsCategory returns the three categories", () => {
    expectTypeOf(npsCategory(9)).toEqualTypeOf<"promoter" | "passive" | "detractor">();
  });

  it("csat and ces take ratings or counts", () => {
    expectTypeOf(csat([5])).toEqualTypeOf<CsatResult>();
    expectTypeOf(csat({ satisfied: 1, total: 2 })).toEqualTypeOf<CsatResult>();
    expectTypeOf(ces({ agree: 1, total: 2 }, { lowerIsEasier: true })).toEqualTypeOf<CesResult>();
    expectTypeOf<CsatResult["mean"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CsatResult["scale"]>().toEqualTypeOf<[number, number]>();
    expectTypeOf<CsatOptions["scale"]>().toEqualTypeOf<[number, number] | undefined>();
    // @ts-expect-error the counts form of csat needs satisfied
    csat({ agree: 1, total: 2 });
  });

  it("error codes are a closed set", () => {
    expectTypeOf<CxMetricsErrorCode>().toEqualTypeOf<"INVALID_INPUT" | "OUT_OF_RANGE" | "EMPTY_INPUT">();
  });
});
