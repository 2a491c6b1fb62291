import * as z from "zod/mini";

/** A unit a duration is reported in. */
export type DurationUnit = "milliseconds" | "seconds" | "minutes" | "hours" | "days";

/** The names of {@link DurationUnit}. */
export const DurationUnitSchema = z.enum(["milliseconds", "seconds", "minutes", "hours", "days"]);

/** Milliseconds in one of each unit (a day is 24 hours of elapsed, or business, time). */
export const UNIT_MS: Readonly<Record<DurationUnit, number>> = {
  milliseconds: 1,
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};
