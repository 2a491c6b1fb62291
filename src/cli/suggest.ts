// "Did you mean" for mistyped metrics and options: the closest known name within a small edit distance.

/** The Levenshtein distance of two short names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known name closest to `name` (at most a third of its letters off, at least 1, at most 3), or undefined. */
export function closest(name: string, known: ReadonlyArray<string>): string | undefined {
  if (name.length > 60) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const d = candidate.startsWith(name) && name.length >= 3 ? 1 : distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean --column?)`, or nothing. */
export function didYouMean(name: string, known: ReadonlyArray<string>, prefix = ""): string {
  const match = closest(name, known);
  return match === undefined ? "" : ` (did you mean ${prefix}${match}?)`;
}
