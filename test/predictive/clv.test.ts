import { describe, expect, it } from "vitest";
import { bgNbdConditionalExpectedPurchases, gammaGammaExpectedSpend, predictiveClv } from "../../src/index.js";
import { expectRelative, thrown } from "./helpers.js";

const BG = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const GG = { p: 6.2488, q: 3.7446, v: 15.4477 };
const CUSTOMER = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
const base = { bgNbd: BG, gammaGamma: GG, customer: CUSTOMER, horizon: 52 };

describe("predictiveClv", () => {
  const purchases = (t: number) => bgNbdConditionalExpectedPurchases(BG, CUSTOMER, t);
  const spend = gammaGammaExpectedSpend(GG, CUSTOMER);

  it("is expected purchases over the horizon times expected spend without discounting, whatever the steps", () => {
    const want = purchases(52) * spend;
    for (const steps of [1, 4, 52]) expectRelative(predictiveClv({ ...base, steps }), want, 1e-12);
  });

  it("discounts step i by (1 + rate)^i and scales by the margin", () => {
    const steps = 4;
    let want = 0;
    for (let i = 1; i <= steps; i++) want += ((purchases(13 * i) - purchases(13 * (i - 1))) * spend * 0.3) / 1.02 ** i;
    expectRelative(predictiveClv({ ...base, steps, discountRate: 0.02, margin: 0.3 }), want, 1e-12);
  });

  it("falls as the discount rate rises and is 0 for a zero horizon or margin", () => {
    const values = [0, 0.01, 0.05, 0.2].map((discountRate) => predictiveClv({ ...base, steps: 12, discountRate }));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
    expect(predictiveClv({ ...base, horizon: 0 })).toBe(0);
    expect(predictiveClv({ ...base, margin: 0 })).toBe(0);
  });

  it("accepts whole fits as well as parameters", () => {
    expect(predictiveClv({ ...base, bgNbd: { params: BG }, gammaGamma: { params: GG } })).toBe(predictiveClv(base));
  });

  it("values a customer without repeat purchases at the population mean spend", () => {
    const newcomer = { frequency: 0, recency: 0, T: 10, monetaryValue: 0 };
    const want = bgNbdConditionalExpectedPurchases(BG, newcomer, 52) * ((GG.p * GG.v) / (GG.q - 1));
    expectRelative(predictiveClv({ ...base, customer: newcomer }), want, 1e-12);
  });

  it("keeps a spend scale near the largest double finite, and throws OUT_OF_RANGE instead of returning Infinity", () => {
    const huge = { p: 10, q: 2, v: 1e308 };
    const c = base.customer;
    const spend = (10 / (10 * c.frequency + 1)) * 1e308 + ((10 * c.frequency) / (10 * c.frequency + 1)) * c.monetaryValue;
    expectRelative(predictiveClv({ ...base, gammaGamma: huge, margin: 1e-10 }), bgNbdConditionalExpectedPurchases(BG, c, base.horizon) * spend * 1e-10, 1e-12);
    const error = thrown(() => predictiveClv({ ...base, gammaGamma: huge, margin: 1e10 }));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe("predictiveClv: the customer value is not a finite number for these parameters");
  });

  it("refuses q <= 1 for a customer without repeats with OUT_OF_RANGE", () => {
    const error = thrown(() =>
      predictiveClv({ ...base, gammaGamma: { ...GG, q: 1 }, customer: { frequency: 0, recency: 0, T: 3, monetaryValue: 0 } }),
    );
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toMatch(/^predictiveClv: input\.gammaGamma\.q is 1, expected q > 1/);
  });

  it.each([
    ["a missing input", undefined, "predictiveClv: input is missing, expected an object with bgNbd, gammaGamma, customer and horizon"],
    ["bad BG/NBD parameters", { ...base, bgNbd: { ...BG, r: -1 } }, "predictiveClv: input.bgNbd.r is -1, expected a finite number > 0"],
    ["bad Gamma-Gamma parameters", { ...base, gammaGamma: {} }, "predictiveClv: input.gammaGamma.p is missing, expected a finite number > 0"],
    ["a customer with recency but no repeats", { ...base, customer: { ...CUSTOMER, frequency: 0 } }, "predictiveClv: input.customer.recency is 30.43, expected recency 0 when frequency is 0"],
    ["a negative monetary value", { ...base, customer: { ...CUSTOMER, monetaryValue: -1 } }, "predictiveClv: input.customer.monetaryValue is -1, expected a finite number >= 0"],
    ["a negative horizon", { ...base, horizon: -1 }, "predictiveClv: input.horizon is -1, expected a finite number >= 0"],
    ["fractional steps", { ...base, steps: 1.5 }, "predictiveClv: input.steps is 1.5, expected an integer >= 1"],
    ["a negative discount rate", { ...base, discountRate: -0.1 }, "predictiveClv: input.discountRate is -0.1, expected a finite number >= 0"],
    ["an unknown key", { ...base, horizn: 5 }, 'predictiveClv: input has unknown key "horizn"'],
  ])("refuses %s with INVALID_INPUT", (_name, input, message) => {
    const error = thrown(() => predictiveClv(input as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});
