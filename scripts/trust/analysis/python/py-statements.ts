import type { PySource } from './py-source.ts';

/** A binding: `name = expr` (expr may span lines inside brackets), `with expr as name`, `for name in expr`. */
export interface PyBinding { target: string; start: number; end: number; line: number; kind: 'assign' | 'with' | 'for' }

/** A call found in the code: canonical name, where the name starts and where its `(` is. */
export interface PyCall { name: string; index: number; open: number }

const MAX_EXPR = 6000;

/** Every simple binding in the file, in source order (names are not scoped: a deliberate over-approximation). */
export function pyBindings(py: PySource): PyBinding[] {
  const out: PyBinding[] = [];
  const code = py.code;
  const nested = nestedLineStarts(code);
  const strings = new Map(py.strings.map((x) => [x.start, x.end]));
  for (const m of code.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?(?:[-+*/|&]|\/\/)?=(?!=)[ \t]*/gm)) {
    if (nested.has(m.index ?? 0)) continue; // a keyword argument on its own line inside a call
    const start = (m.index ?? 0) + m[0].length;
    out.push({ target: m[1], start, end: exprEnd(code, start, strings), line: py.lineOf(m.index ?? 0), kind: 'assign' });
  }
  for (const m of code.matchAll(/\bwith\s+([^\n]+?)\s+as\s+([A-Za-z_]\w*)\s*[:,)]/g)) {
    const start = (m.index ?? 0) + m[0].indexOf(m[1]);
    out.push({ target: m[2], start, end: start + m[1].length, line: py.lineOf(m.index ?? 0), kind: 'with' });
  }
  for (const m of code.matchAll(/^[ \t]*(?:async[ \t]+)?for[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]+in[ \t]+([^\n]+?):[ \t]*$/gm)) {
    const start = (m.index ?? 0) + m[0].lastIndexOf(m[2]);
    for (const t of m[1].split(',')) out.push({ target: t.trim(), start, end: start + m[2].length, line: py.lineOf(m.index ?? 0), kind: 'for' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Offsets of line starts that are inside an open bracket. */
function nestedLineStarts(code: string): Set<number> {
  const out = new Set<number>();
  let depth = 0;
  for (let k = 0; k < code.length; k++) {
    const ch = code[k];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '\n' && depth > 0) out.add(k + 1);
  }
  return out;
}

/** End of the expression starting at `start`: the first newline outside brackets (or a `\` continuation). */
export function exprEnd(code: string, start: number, strings: Map<number, number> = new Map()): number {
  let depth = 0;
  const limit = Math.min(code.length, start + MAX_EXPR);
  for (let k = start; k < limit; k++) {
    const skip = strings.get(k);
    if (skip !== undefined && skip > k + 1) k = skip - 1; // a (triple-quoted) string may span lines
    const ch = code[k];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '\n' && depth === 0 && code[k - 1] !== '\\') return k;
  }
  return limit;
}

/** Index of the bracket closing the one at `open`, or -1. */
export function closeOf(code: string, open: number): number {
  let depth = 0;
  const limit = Math.min(code.length, open + MAX_EXPR);
  for (let k = open; k < limit; k++) {
    const ch = code[k];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

/** Does the code range mention identifier `name` (not as an attribute `x.name`, not as a keyword `name=`)? */
export function mentions(code: string, start: number, end: number, name: string): boolean {
  const text = code.slice(start, end);
  const re = new RegExp(`(?<![\\w.])${name}\\b(?!\\s*=[^=]|["'])`);
  return re.test(text);
}
