/**
 * Make a source safe to commit: plugin-lock.json is shared, so credentials that Claude Code keeps in
 * its own state must not be copied into it. `headers` (url marketplaces: typically Authorization) are
 * dropped, and user:password@ in URLs is removed. Everything else is kept as written.
 */
export function redactSource<T extends object>(source: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source)) {
    if (k === 'headers') continue;
    out[k] = typeof v === 'string' ? redactUrl(v) : v;
  }
  return out as T;
}

export function redactUrl(s: string): string {
  return s.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}
