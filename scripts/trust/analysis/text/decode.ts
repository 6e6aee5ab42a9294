import { gunzipSync, inflateSync } from 'node:zlib';

/**
 * Static decoders for the encodings malware uses to hide a payload from a reader: base64, hex,
 * reversed text, rot13, gzip, printf/ANSI-C escapes. Each returns printable text or null; never throws.
 */
const B64 = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
const MAX_DECODE = 256 * 1024;

/** Decode a base64 literal when it yields mostly printable text (the payload we want to re-scan). */
export function decodeBase64Text(s: string): string | null {
  const t = s.replace(/\s+/g, '');
  if (t.length > MAX_DECODE || !B64.test(t)) return null;
  // Identifiers and hex digests are base64-shaped too; encoded text nearly always has capitals.
  if (/^[a-z0-9_-]+$/.test(t) || /^[A-Z0-9_-]+$/.test(t)) return null;
  let bytes: Buffer;
  try {
    bytes = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  } catch {
    return null;
  }
  return printable(maybeGunzip(bytes));
}

export function decodeHexText(s: string): string | null {
  const t = s.replace(/\s+|\\x|0x|,/gi, '');
  if (t.length < 8 || t.length % 2 !== 0 || t.length > MAX_DECODE || !/^[0-9a-f]+$/i.test(t)) return null;
  return printable(Buffer.from(t, 'hex'));
}

export function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

export function reverseText(s: string): string {
  return [...s].reverse().join('');
}

/** Backslash escapes as bash's $'…' and printf interpret them: \xHH, \NNN (octal), \uHHHH, \n, \t… */
export function decodeEscapes(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|0?[0-7]{1,3}|[abefnrtv\\'"?])/g, (_m, e: string) => {
    const c = e[0];
    if (c === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (c === 'u' || c === 'U') {
      const cp = parseInt(e.slice(1), 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    if (/[0-7]/.test(c)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    return ({ a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' } as Record<string, string>)[c] ?? c;
  });
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

function maybeGunzip(b: Buffer): Buffer {
  try {
    if (b[0] === 0x1f && b[1] === 0x8b) return gunzipSync(b, { maxOutputLength: MAX_DECODE });
    if (b[0] === 0x78 && (b[1] === 0x9c || b[1] === 0xda || b[1] === 0x01)) return inflateSync(b, { maxOutputLength: MAX_DECODE });
  } catch {
    return b;
  }
  return b;
}

/** UTF-8 text with at least 90% printable characters (tabs/newlines included), else null. */
function printable(b: Buffer): string | null {
  if (b.length < 4) return null;
  const s = b.toString('utf8');
  if (s.includes('\uFFFD')) return null;
  let ok = 0;
  for (const ch of s) if (ch === '\n' || ch === '\t' || ch === '\r' || (ch >= ' ' && ch !== '\u007f')) ok++;
  return ok / [...s].length >= 0.9 ? s : null;
}
