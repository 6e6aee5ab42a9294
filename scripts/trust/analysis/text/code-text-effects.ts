import type { Effect } from '../model.ts';
import { embedded, locAt, MAX_EMBED_DEPTH, type ScanContext } from '../scan-context.ts';
import { decodeBase64Text, entropy } from './decode.ts';


/**
 * Language-independent checks on code text (H10): long high-entropy string literals (packed payloads;
 * base64 ones are decoded and re-scanned), literals written as runs of \x escapes, and minified files.
 */
export function codeTextEffects(src: string, ctx: ScanContext): Effect[] {
  const out: Effect[] = [];
  if (src.length > 4 * 1024 * 1024) return out;
  const lineOf = lineIndex(src);
  let count = 0;
  for (const m of longStrings(src)) {
    if (++count > 200) break;
    const body = m.body;
    if (/^data:[\w/+.-]+;base64,/.test(body) || /sourceMappingURL=data:/.test(src.slice(Math.max(0, m.index - 40), m.index + 40))) continue;
    if (entropy(body) <= 4.5) continue;
    const line = lineOf(m.index);
    const decoded = decodeBase64Text(body);
    let inner: Effect[] = [];
    if (decoded && ctx.depth < MAX_EMBED_DEPTH) {
      const sub = embedded(ctx, line, `base64 blob ${JSON.stringify(decoded.slice(0, 50))}`, true);
      const lang = /\brequire\(|=>|\bfunction\b|\bconst\b/.test(decoded) ? sub.scanners.js : /^\s*(import|from|def)\s/m.test(decoded) ? sub.scanners.python : sub.scanners.shell;
      inner = lang(decoded, sub);
      out.push(...inner);
    }
    out.push({ kind: 'obfuscation', what: decoded ? 'a long base64 string that decodes to text' : 'a long high-entropy string (packed or encrypted data)', severity: inner.length ? 'high' : 'low', loc: locAt(ctx, line) });
  }
  const escapes = /(["'])((?:\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\[0-7]{3}){6,})\1/.exec(src);
  if (escapes) out.push({ kind: 'obfuscation', what: 'a string written entirely as escape sequences', severity: 'medium', loc: locAt(ctx, lineOf(escapes.index)) });
  const lines = src.split('\n');
  const longest = lines.reduce((a, l) => Math.max(a, l.length), 0);
  if (src.length >= 5000 && longest >= 2000 && src.length / lines.length >= 250) {
    out.push({ kind: 'obfuscation', what: 'a minified file (cannot be reviewed by reading it)', severity: 'low', loc: locAt(ctx, 1) });
  }
  return out;
}

/** Quoted literals of 200+ characters on one line, found in one linear pass (no regex backtracking). */
function* longStrings(src: string): Generator<{ index: number; body: string }> {
  let i = 0;
  const n = src.length;
  while (i < n) {
    const q = src[i];
    if (q !== '"' && q !== "'" && q !== '`') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && src[j] !== q && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
    if (j < n && src[j] === q && j - i - 1 >= 200) yield { index: i, body: src.slice(i + 1, j) };
    i = j < n && src[j] === q ? j + 1 : j;
  }
}

function lineIndex(src: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
