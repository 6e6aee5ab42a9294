import type { LockEntry, LockFile } from './types.ts';

const ENTRY_KEYS = ['id', 'version', 'scope', 'registry', 'source', 'dependencies', 'integrity', 'files', 'grade', 'score', 'findings', 'signer'];
const SOURCE_KEYS = ['kind', 'url', 'repo', 'path', 'ref', 'commit', 'package', 'packageVersion'];
const DEP_KEYS = ['id', 'range', 'version'];

/**
 * plugin-lock.json text with a stable key order (schema order for known objects, UTF-8 byte order for
 * maps), plugins and dependencies sorted by id, two-space indent and a final newline: the same lock
 * always gives the same bytes, so that git diffs show only real changes.
 */
export function serializeLock(lock: LockFile): string {
  const plugins = [...lock.plugins].sort((a, b) => byBytes(a.id, b.id)).map(orderEntry);
  return JSON.stringify({ lockfileVersion: lock.lockfileVersion, plugins }, null, 2) + '\n';
}

function orderEntry(e: LockEntry): Record<string, unknown> {
  const src: Record<string, unknown> = {
    ...e,
    registry: pick({ name: e.registry.name, source: e.registry.source && sortedDeep(e.registry.source) }, ['name', 'source']),
    source: pick(e.source as unknown as Record<string, unknown>, SOURCE_KEYS),
    dependencies: [...e.dependencies].sort((a, b) => byBytes(a.id, b.id)).map((d) => pick(d as unknown as Record<string, unknown>, DEP_KEYS)),
    files: Object.fromEntries(Object.entries(e.files).sort(([a], [b]) => byBytes(a, b))),
    findings: e.findings?.map((f) => pick(f as unknown as Record<string, unknown>, ['rule', 'severity', 'count'])),
    signer: e.signer && pick(e.signer, ['issuer', 'subject', 'key']),
  };
  return pick(src, ENTRY_KEYS);
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function sortedDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => byBytes(a, b)).map(([k, x]) => [k, sortedDeep(x)]));
  return v;
}

export function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
