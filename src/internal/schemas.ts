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

/** True for arrays, typed arrays and other objects with a valid `length`. */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (Array.isArray(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView);
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" && Number.isSafeInteger(length) && length >= 0;
}

function everyElement(value: ArrayLike<unknown>, ok: (x: unknown) => boolean): boolean {
  for (let i = 0; i < value.length; i++) if (!ok(value[i])) return false;
  return true;
}

/** Response weights: an array-like of finite, non-negative numbers. */
export const weightsSchema = /* @__PURE__ */ (() =>
  z.custom<ArrayLike<number>>(
  (value) =>
    isArrayLike(value) &&
    everyElement(value, (w) => typeof w === "number" && Number.isFinite(w) && w >= 0),
  { error: "expected an array of finite, non-negative weights" },
))();

/** An array-like of integers within [min, max]: the specification the fast validators are proven equal to. */
export function integerArraySchema(min: number, max: number) {
  const element = z.int().check(z.gte(min), z.lte(max));
  return z.custom<ArrayLike<number>>(
    (value) => isArrayLike(value) && everyElement(value, (x) => element.safeParse(x).success),
    { error: `expected integers from ${min} to ${max}` },
  );
}

/** A rating scale `[min, max]` of integers with min < max. */
export const scaleSchema = /* @__PURE__ */ (() =>
  z
  .tuple([z.int({ error: "expected an integer" }), z.int({ error: "expected an integer" })], { error: "expected [min, max]" })
  .check(z.refine(([min, max]) => min < max, { error: "expected [min, max] with min < max" })))();


/** A confidence level strictly between 0 and 1 (default 0.95). */
export const confidenceSchema = /* @__PURE__ */ (() =>
  z.number().check(
    z.gt(0, { error: "expected a confidence level between 0 and 1 (exclusive)" }),
    z.lt(1, { error: "expected a confidence level between 0 and 1 (exclusive)" }),
  ))();
