import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Resolve a manifest path (`./x`) against the plugin root the way Claude Code's loader does, or
 * null when it escapes the root (absolute, or `..` above it): those never load.
 */
export function resolveInside(root: string, rel: string): string | null {
  const base = resolve(root);
  const abs = resolve(base, rel);
  const r = relative(base, abs);
  if (r.startsWith('..') || isAbsolute(r)) return null;
  return abs;
}

/** True when `abs` is `root` or below it (both already resolved, symlinks not followed). */
export function isWithin(root: string, abs: string): boolean {
  const r = relative(resolve(root), resolve(abs));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}
