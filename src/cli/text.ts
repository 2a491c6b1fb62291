// Text from the data reaches a terminal (tables, messages) and spreadsheets (CSV output). These helpers keep it inert:
// control characters and terminal escape sequences are shown escaped, never sent; bytes that are not UTF-8 are found
// rather than merged into U+FFFD.

// C0 controls, DEL, C1 controls (0x9b is a one-byte CSI), line and paragraph separators, and the bidirectional
// overrides and isolates that reorder what a terminal shows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character written as `\xNN` or `\uNNNN`, so it prints as what it is. */
export function escapeControls(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** How a text from the data appears in a message: quoted, escaped, cut after `max` characters. */
export function quoteText(text: string, max = 40): string {
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
  return `"${escapeControls(cut).replaceAll('"', '\\"')}"`;
}

/** A list of names for a message, the first `shown` of them and then how many more. */
export function listNames(names: ReadonlyArray<string>, shown = 10): string {
  const listed = names.slice(0, shown).map((n) => quoteText(n));
  return names.length > shown ? `${listed.join(", ")} and ${names.length - shown} more` : listed.join(", ");
}

/**
 * The index of the first byte of `bytes[start, end)` that does not begin a well-formed UTF-8 sequence (overlong forms,
 * surrogates and code points past U+10FFFF included), or -1 when the whole range is UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let code: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      code = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      code = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      code = b & 0x07;
    } else return i;
    if (i + need >= end) return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** How a byte range that is not UTF-8 is shown: its text with the bad bytes as `\xNN`, cut to 40 characters. */
export function showBytes(bytes: Uint8Array, start: number, end: number): string {
  let out = "";
  let i = start;
  while (i < end && out.length < 60) {
    const bad = firstInvalidUtf8(bytes, i, end);
    const stop = bad === -1 ? end : bad;
    out += Buffer.from(bytes.buffer, bytes.byteOffset + i, stop - i).toString("utf8");
    if (bad === -1) break;
    out += `\\x${bytes[bad]!.toString(16).padStart(2, "0")}`;
    i = bad + 1;
  }
  return out;
}
