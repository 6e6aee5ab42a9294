/**
 * Claude Code prints the validate report through its terminal renderer (Ink), which changes some
 * characters on the way out. Measured on 2.1.197 with every Unicode format/control character in a
 * manifest key: C0/C1 controls (but newline), DEL, soft hyphen, zero-width space, LRM/RLM, word
 * joiner and invisible operators, BOM and language tags vanish; bidi embedding/override/isolate
 * controls become U+FFFD; a tab becomes spaces up to the next multiple of 8 columns; lone surrogates
 * vanish. Reproducing that keeps `mp validate` byte-identical, and never echoes a control character
 * from a hostile file to the terminal. Escape sequences are dropped whole (Claude re-emits colour
 * codes; we do not: see the report's known divergences).
 */
export function asClaudeRenders(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  let out = '';
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    if (code > 0xffff) i++;
    if (code === 0x0a) { out += '\n'; column = 0; continue; }
    if (code === 0x09) { const n = 8 - (column % 8); out += ' '.repeat(n); column += n; continue; }
    if (code === 0x1b) { i = skipEscape(text, i); continue; }
    if (REMOVED.test(ch) || (code >= 0xd800 && code <= 0xdfff)) continue;
    if (BIDI.test(ch)) { out += '\uFFFD'; column += 1; continue; }
    out += ch;
    column += width(ch);
  }
  return out;
}

const NEEDS_WORK = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]|\u{e0000}|\u{e0001}/u;
const REMOVED = /^(?:[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\u2060-\u2064\ufeff]|\u{e0000}|\u{e0001})$/u;
const BIDI = /^[\u061c\u202a-\u202e\u2066-\u2069]$/;

/** Index of the last character of the escape sequence starting at `i` (CSI, OSC or a two-character escape). */
function skipEscape(text: string, i: number): number {
  const next = text[i + 1];
  if (next === '[') {
    let j = i + 2;
    while (j < text.length && !/[@-~]/.test(text[j])) j++;
    return j;
  }
  if (next === ']') {
    for (let j = i + 2; j < text.length; j++) {
      if (text[j] === '\x07') return j;
      if (text[j] === '\x1b' && text[j + 1] === '\\') return j + 1;
    }
    return text.length;
  }
  return next === undefined ? i : i + 1;
}

/** Terminal columns of one code point: combining marks 0, East Asian wide and emoji 2, else 1. */
function width(ch: string): number {
  if (/^[\p{Mn}\p{Me}\p{Cf}]$/u.test(ch)) return 0;
  const c = ch.codePointAt(0)!;
  if (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd)
  ) return 2;
  return 1;
}
