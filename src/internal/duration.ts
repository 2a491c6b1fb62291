import { valueError } from "./fail.js";

/** A unit a duration is reported in. */
export type DurationUnit = "milliseconds" | "seconds" | "minutes" | "hours" | "days";

const UNITS: ReadonlyArray<DurationUnit> = ["milliseconds", "seconds", "minutes", "hours", "days"];
const UNIT_EXPECTED = "expected 'milliseconds', 'seconds', 'minutes', 'hours' or 'days'";

/** Milliseconds in one of each unit (a day is 24 hours of elapsed, or business, time). */
export const UNIT_MS: Readonly<Record<DurationUnit, number>> = {
  milliseconds: 1,
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** Reads a unit option by hand, as the unit schema does. */
export function checkUnit(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): DurationUnit {
  if ((UNITS as ReadonlyArray<unknown>).includes(value)) return value as DurationUnit;
  throw valueError("INVALID_INPUT", metric, path, value, UNIT_EXPECTED);
}
