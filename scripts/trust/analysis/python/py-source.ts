import { decodeEscapes } from '../text/decode.ts';

/** A Python string literal: where it is and what it holds (escapes decoded unless raw; f-strings keep `{…}`). */
export interface PyString { start: number; end: number; value: string; line: number; triple: boolean }

export interface PySource {
  /** The source with every string literal's content and every comment replaced by spaces (positions kept). */
  code: string;
  /** The source with only comments blanked. */
  noComments: string;
  strings: PyString[];
  lineOf(offset: number): number;
}

/**
 * Tokenise just enough Python to run regexes safely: strings and comments are blanked in `code` so a
 * pattern never matches inside them, and the literals are listed so calls can look up their arguments.
 * One linear pass; no regex backtracking over untrusted input.
 */
export function pySource(src: string): PySource {
  const chars = src.split('');
  const commentless = src.split('');
  const strings: PyString[] = [];
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '#') {
      while (i < n && src[i] !== '\n') {
        commentless[i] = ' ';
        chars[i++] = ' ';
      }
      continue;
    }
    if (c !== '"' && c !== "'") {
      i++;
      continue;
    }
    let p = i;
    while (p > 0 && /[rRbBuUfF]/.test(src[p - 1]) && i - p < 2) p--;
    if (p > 0 && /[\w]/.test(src[p - 1])) p = i; // an identifier ending in r/b/f, not a prefix
    const prefix = src.slice(p, i).toLowerCase();
    const triple = src.startsWith(c.repeat(3), i);
    const q = triple ? c.repeat(3) : c;
    let j = i + q.length;
    while (j < n) {
      if (src[j] === '\\') {
        j += 2;
        continue;
      }
      if (!triple && src[j] === '\n') break;
      if (src.startsWith(q, j)) break;
      j++;
    }
    const bodyEnd = Math.min(j, n);
    const raw = src.slice(i + q.length, bodyEnd);
    strings.push({ start: p, end: Math.min(n, bodyEnd + q.length), value: prefix.includes('r') ? raw : decodeEscapes(raw), line: lineOf(i), triple });
    for (let k = i + q.length; k < bodyEnd; k++) if (chars[k] !== '\n') chars[k] = ' ';
    i = Math.min(n, bodyEnd + (src.startsWith(q, bodyEnd) ? q.length : 0));
  }
  return { code: chars.join(''), noComments: commentless.join(''), strings, lineOf };
}

/** The argument text of the call whose `(` is at `open` in `code`, split at top-level commas. */
export function callArgs(code: string, open: number): Array<{ start: number; end: number }> {
  const args: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let start = open + 1;
  for (let k = open; k < code.length && k < open + 20000; k++) {
    const ch = code[k];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        if (code.slice(start, k).trim()) args.push({ start, end: k });
        return args;
      }
    } else if (ch === ',' && depth === 1) {
      args.push({ start, end: k });
      start = k + 1;
    }
  }
  return args;
}
