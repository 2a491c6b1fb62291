import { DAY_MS, daysFromCivil, daysInMonth } from "../../internal/date.js";

// Exports write their timestamps in a handful of shapes, and most in one: `2026-03-22T17:33:48Z`, with milliseconds or
// an offset. Read straight from the bytes of a CSV field, such a timestamp needs no string, no trimming and no search
// for its zone. Anything else (a space for the T, a lower-case z, other fractions, spaces around it, a date without a
// zone) is left to the full parser, `parseInstant`, which gives the same instant for every text read here
// (test/cli/instant.prop.test.ts proves it).

/** The digits `b[i]b[i+1]` as a number, or -1 when either is not a digit. */
function two(b: Uint8Array, i: number): number {
  const x = b[i]! - 48;
  const y = b[i + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/**
 * The epoch milliseconds written in `b[start, end)` when it reads exactly `YYYY-MM-DDTHH:MM:SS`, optionally `.fff`,
 * then `Z` or `±HH:MM`, with every field in range (no February 30th, no hour 24); NaN for any other bytes. Years 0000 to
 * 9999 with any offset stay inside the range of a Date, so no range check is needed.
 */
export function isoInstantAt(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  // 19 bytes of date and time, 4 of milliseconds or none, then 1 of Z or 6 of an offset.
  const zone = n === 20 || n === 25 ? start + 19 : n === 24 || n === 29 ? start + 23 : -1;
  if (zone === -1) return Number.NaN;
  if (b[start + 4] !== 45 || b[start + 7] !== 45 || b[start + 10] !== 84 || b[start + 13] !== 58 || b[start + 16] !== 58) {
    return Number.NaN;
  }
  let ms = 0;
  if (zone === start + 23) {
    const d = b[start + 22]! - 48;
    const hundreds = two(b, start + 20);
    if (b[start + 19] !== 46 || hundreds < 0 || d < 0 || d > 9) return Number.NaN;
    ms = hundreds * 10 + d;
  }
  const high = two(b, start);
  const low = two(b, start + 2);
  const month = two(b, start + 5);
  const day = two(b, start + 8);
  const hour = two(b, start + 11);
  const minute = two(b, start + 14);
  const second = two(b, start + 17);
  if (high < 0 || low < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return Number.NaN;
  const year = high * 100 + low;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  let offset = 0;
  if (end - zone === 1) {
    if (b[zone] !== 90) return Number.NaN;
  } else {
    const sign = b[zone];
    const hours = two(b, zone + 1);
    const minutes = two(b, zone + 4);
    if ((sign !== 43 && sign !== 45) || b[zone + 3] !== 58 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
      return Number.NaN;
    }
    offset = (sign === 45 ? -60_000 : 60_000) * (hours * 60 + minutes);
  }
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset;
}
