import { describe, expectTypeOf, it } from "vitest";
import {
  type BgNbdFit,
  type BgNbdParams,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitGammaGamma,
  fitShiftedBetaGeometric,
  type GammaGammaFit,
  gammaGammaExpectedSpend,
  predictiveClv,
  type ClvInterval,
  type PredictiveClvBootstrap,
  predictiveClvBootstrap,
  type RfmCustomer,
  rfmSummary,
  type SbgFit,
  sbgRetentionRate,
  sbgSurvival,
} from "../../src/index.js";

describe("predictive signatures", () => {
  it("rfmSummary takes transactions and options and returns customer rows", () => {
    expectTypeOf(rfmSummary).parameter(0).toEqualTypeOf<Array<{ customerId: string | number; at: Date | string | number; amount?: number | string }>>();
    expectTypeOf(rfmSummary).returns.toEqualTypeOf<RfmCustomer[]>();
    expectTypeOf<RfmCustomer["monetaryValue"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error observationEnd is required
    rfmSummary([], {});
  });

  it("fitBgNbd returns the parameters, the log-likelihood and the convergence report", () => {
    expectTypeOf(fitBgNbd).returns.toEqualTypeOf<BgNbdFit>();
    expectTypeOf<BgNbdFit["params"]>().toEqualTypeOf<BgNbdParams>();
    expectTypeOf<BgNbdFit["logLikelihood"]>().toEqualTypeOf<number>();
    expectTypeOf<BgNbdFit["converged"]>().toEqualTypeOf<boolean>();
    expectTypeOf(fitBgNbd).toBeCallableWith([{ frequency: 1, recency: 1, T: 2, weight: 3 }], { penalizer: 0.1, maxIterations: 100 });
  });

  it("the predictions return plain numbers", () => {
    expectTypeOf(bgNbdExpectedPurchases).returns.toBeNumber();
    expectTypeOf(bgNbdConditionalExpectedPurchases).returns.toBeNumber();
    expectTypeOf(bgNbdProbabilityAlive).returns.toBeNumber();
    expectTypeOf(gammaGammaExpectedSpend).returns.toBeNumber();
    expectTypeOf(predictiveClv).returns.toBeNumber();
    expectTypeOf(sbgSurvival).returns.toBeNumber();
    expectTypeOf(sbgRetentionRate).returns.toBeNumber();
  });

  it("fits of Gamma-Gamma and sBG carry their parameters", () => {
    expectTypeOf(fitGammaGamma).returns.toEqualTypeOf<GammaGammaFit>();
    expectTypeOf<GammaGammaFit["params"]>().toEqualTypeOf<{ p: number; q: number; v: number }>();
    expectTypeOf(fitShiftedBetaGeometric).returns.toEqualTypeOf<SbgFit>();
    expectTypeOf<SbgFit["params"]>().toEqualTypeOf<{ alpha: number; beta: number }>();
  });

  it("predictiveClv accepts fits as well as parameters", () => {
    const bg = {} as BgNbdFit;
    const gg = {} as GammaGammaFit;
    expectTypeOf(predictiveClv).toBeCallableWith({
      bgNbd: bg,
      gammaGamma: gg,
      customer: { frequency: 1, recency: 1, T: 2, monetaryValue: 3 },
      horizon: 52,
    });
  });

  it("predictiveClvBootstrap takes rfmSummary rows with amounts and returns intervals", () => {
    const rows = [] as RfmCustomer[];
    expectTypeOf(predictiveClvBootstrap).toBeCallableWith(rows as Array<RfmCustomer & { monetaryValue: number }>, { horizon: 52 });
    expectTypeOf(predictiveClvBootstrap).returns.toEqualTypeOf<PredictiveClvBootstrap>();
    expectTypeOf<PredictiveClvBootstrap["total"]>().toEqualTypeOf<ClvInterval>();
    // @ts-expect-error horizon is required
    predictiveClvBootstrap(rows as Array<RfmCustomer & { monetaryValue: number }>, {});
  });
});
