import * as z from "zod/mini";

/** A whole number of things: 0, 1, 2, ... (safe integers only). */
export const nonNegativeInteger = z.int().check(z.gte(0, { error: "expected a non-negative integer" }));

/** `decimals`: an integer from 0 to 15. */
export const decimalsSchema = z.int().check(
  z.gte(0, { error: "expected an integer from 0 to 15" }),
  z.lte(15, { error: "expected an integer from 0 to 15" }),
);

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
export const weightsSchema = z.custom<ArrayLike<number>>(
  (value) =>
    isArrayLike(value) &&
    everyElement(value, (w) => typeof w === "number" && Number.isFinite(w) && w >= 0),
  { error: "expected an array of finite, non-negative weights" },
);

/** An array-like of integers within [min, max]: the specification the fast validators are proven equal to. */
export function integerArraySchema(min: number, max: number) {
  const element = z.int().check(z.gte(min), z.lte(max));
  return z.custom<ArrayLike<number>>(
    (value) => isArrayLike(value) && everyElement(value, (x) => element.safeParse(x).success),
    { error: `expected integers from ${min} to ${max}` },
  );
}

/** A rating scale `[min, max]` of integers with min < max. */
export const scaleSchema = z
  .tuple([z.int(), z.int()])
  .check(z.refine(([min, max]) => min < max, { error: "expected [min, max] with min < max" }));

/**
 * The same options schema with `weights` checked only for being array-like: the fast validators then check each
 * weight and name the index of the first bad one.
 */
export function withShallowWeights<S extends z.ZodMiniObject>(schema: S) {
  return z.extend(schema, { weights: z.optional(z.custom<ArrayLike<number>>(isArrayLike, { error: "expected an array of weights" })) });
}
