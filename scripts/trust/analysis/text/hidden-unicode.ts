/** Invisible characters that change what a reader sees versus what a parser or a model reads (Trojan Source, ASCII smuggling). */
export interface HiddenChar { line: number; column: number; kind: 'bidi' | 'zero-width' | 'tags' | 'variation-smuggling' | 'bom'; count: number; decoded?: string }

const EMOJI = (cp: number): boolean => (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x2640 || cp === 0x2642 || cp === 0x2695 || cp === 0x2708 || cp === 0x2764;
const JOINING_SCRIPT = (cp: number): boolean => (cp >= 0x0600 && cp <= 0x08ff) || (cp >= 0x0900 && cp <= 0x0dff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe) || (cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x0f00 && cp <= 0x0fff);

/**
 * Find hidden characters: bidi controls (U+202A–202E, U+2066–2069), zero-width (U+200B–200D, U+2060–2064,
 * U+180E), U+FEFF after the start, the Tags block (U+E0000–E007F, decoded to the ASCII it smuggles) and
 * runs of variation selectors 17–256. Legitimate uses are skipped: ZWJ inside emoji sequences, ZWJ/ZWNJ
 * in scripts that need them (Arabic, Indic…), and flag tag sequences (🏴 + tags + U+E007F).
 */
export function hiddenUnicode(text: string, maxHits = 50): HiddenChar[] {
  const out: HiddenChar[] = [];
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  let line = 1;
  let col = 0;
  for (let i = 0; i < cps.length && out.length < maxHits; i++) {
    const cp = cps[i];
    col++;
    if (cp === 10) {
      line++;
      col = 0;
      continue;
    }
    if (cp < 0x180e) continue;
    const prev = cps[i - 1] ?? 0;
    const next = cps[i + 1] ?? 0;
    if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) out.push({ line, column: col, kind: 'bidi', count: 1 });
    else if (cp === 0xfeff) {
      if (i > 0) out.push({ line, column: col, kind: 'bom', count: 1 });
    } else if (cp === 0x200b || cp === 0x200c || cp === 0x200d || (cp >= 0x2060 && cp <= 0x2064) || cp === 0x180e) {
      if ((cp === 0x200d || cp === 0x200c) && ((EMOJI(prev) && EMOJI(next)) || JOINING_SCRIPT(prev) || JOINING_SCRIPT(next))) continue;
      let j = i;
      while (j + 1 < cps.length && (cps[j + 1] === 0x200b || cps[j + 1] === 0x200c || cps[j + 1] === 0x200d || (cps[j + 1] >= 0x2060 && cps[j + 1] <= 0x2064))) j++;
      out.push({ line, column: col, kind: 'zero-width', count: j - i + 1 });
      col += j - i;
      i = j;
    } else if (cp >= 0xe0000 && cp <= 0xe007f) {
      let j = i;
      while (j + 1 < cps.length && cps[j + 1] >= 0xe0000 && cps[j + 1] <= 0xe007f) j++;
      const run = cps.slice(i, j + 1);
      const isFlag = prev === 0x1f3f4 && run[run.length - 1] === 0xe007f && run.length <= 8;
      if (!isFlag) out.push({ line, column: col, kind: 'tags', count: run.length, decoded: run.filter((c) => c >= 0xe0020 && c <= 0xe007e).map((c) => String.fromCharCode(c - 0xe0000)).join('') });
      col += j - i;
      i = j;
    } else if (cp >= 0xe0100 && cp <= 0xe01ef) {
      let j = i;
      while (j + 1 < cps.length && cps[j + 1] >= 0xe0100 && cps[j + 1] <= 0xe01ef) j++;
      if (j > i) out.push({ line, column: col, kind: 'variation-smuggling', count: j - i + 1 });
      col += j - i;
      i = j;
    }
  }
  return out;
}

/** Remove invisible characters so phrasing checks see what the model sees. */
export function stripInvisible(s: string): string {
  return s.replace(/[\u200b-\u200d\u2060-\u2064\u180e\ufeff\u202a-\u202e\u2066-\u2069]|[\u{e0000}-\u{e007f}]|[\u{e0100}-\u{e01ef}]/gu, '');
}
