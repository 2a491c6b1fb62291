import * as z from "zod/mini";

/** A whole number of things: 0, 1, 2, ... (safe integers only). */
export const nonNegativeInteger = /* @__PURE__ */ (() =>
  z.int({ error: "expected a non-negative integer" }).check(z.gte(0, { error: "expected a non-negative integer" })))();

/** `decimals`: an integer from 0 to 15. */
export const decimalsSchema = /* @__PURE__ */ (() =>
  z.int({ error: "expected an integer from 0 to 15" }).check(
  z.gte(0, { error: "expected an integer from 0 to 15" }),
  z.lte(15, { error: "expected an integer from 0 to 15" }),
))();

