/**
 * Evidence snippets are shown to people and to Claude: short, one line, control characters made
 * visible, and anything that looks like a secret masked (as pnpm's hideAuthInformation does).
 */
const SECRET_SHAPES: RegExp[] = [
  /\b(gh[pousr]_[A-Za-z0-9]{20,})/g,
  /\b(github_pat_[A-Za-z0-9_]{20,})/g,
  /\b(sk-(?:ant-|live-|test-|proj-)?[A-Za-z0-9_-]{16,})/g,
  /\b((?:AKIA|ASIA)[A-Z0-9]{16})\b/g,
  /\b(xox[abposr]-[A-Za-z0-9-]{10,})/g,
  /\b(AIza[0-9A-Za-z_-]{35})/g,
  /\b(eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})/g,
  /\b(npm_[A-Za-z0-9]{30,})/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

export function maskSecrets(text: string): string {
  let out = text;
  for (const re of SECRET_SHAPES) out = out.replace(re, (m) => `${m.slice(0, 4)}****`);
  // key=value / key: value / Bearer value, where the key names a secret and the value is a literal.
  out = out.replace(/((?:token|secret|password|passwd|api[_-]?key|apikey|auth|bearer|credential)s?["']?\s*[:=]\s*["']?|Bearer\s+)([A-Za-z0-9+/_.~-]{12,})/gi, (_m, k: string, v: string) => `${k}${v.slice(0, 3)}****`);
  return out;
}

/** One line, visible control/invisible characters, masked, at most `max` characters. */
export function evidenceText(raw: string, max = 160): string {
  const one = raw
    .replace(/\r?\n/g, ' ⏎ ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
    .replace(/[\u{e0000}-\u{e007f}]/gu, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase()}>`)
    .trim();
  const masked = maskSecrets(one);
  return masked.length <= max ? masked : `${masked.slice(0, max - 1)}…`;
}
