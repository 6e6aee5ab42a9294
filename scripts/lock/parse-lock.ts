import validate from '../generated/validate-plugin-lock.js';
import type { LockFile } from './types.ts';

export type LockParse = { ok: true; lock: LockFile } | { ok: false; code: 'LOCK_PARSE' | 'LOCK_INVALID'; issues: string[] };

/**
 * Parse plugin-lock.json text and check it against schemas/plugin-lock.schema.json (compiled at build
 * time) plus what a schema cannot say: ids are unique. Returns issues, never throws.
 */
export function parseLock(text: string): LockParse {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, code: 'LOCK_PARSE', issues: [e instanceof Error ? e.message : String(e)] };
  }
  if (!validate(value)) {
    const issues = (validate.errors ?? []).map((e) => {
      const extra = e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : '';
      return `${e.instancePath || '(root)'}: ${e.message ?? 'invalid'}${extra}`;
    });
    return { ok: false, code: 'LOCK_INVALID', issues: [...new Set(issues)] };
  }
  const lock = value as LockFile;
  const seen = new Set<string>();
  const dups = lock.plugins.filter((p) => (seen.has(p.id) ? true : (seen.add(p.id), false))).map((p) => `/plugins: duplicate id "${p.id}"`);
  return dups.length ? { ok: false, code: 'LOCK_INVALID', issues: dups } : { ok: true, lock };
}
