import type { PluginDrift } from './verify-lock.ts';

/**
 * Human lines for a verify report: one line per drifting plugin, then one per changed file (at most
 * `maxFiles` per plugin, the rest counted), so that a tampered tree names what changed.
 */
export function formatDrift(drift: readonly PluginDrift[], opts: { maxFiles?: number; indent?: string } = {}): string[] {
  const max = opts.maxFiles ?? 50;
  const ind = opts.indent ?? '    ';
  const out: string[] = [];
  for (const d of drift) {
    out.push(`✘ ${d.id} ${LABEL[d.kind]}: ${d.detail}`);
    const files: string[] = [];
    const c = d.changes;
    if (c) {
      for (const m of c.modified) files.push(`modified  ${m.path}${m.from !== m.to ? ` (${TYPE[m.from]} → ${TYPE[m.to]})` : ''}`);
      for (const a of c.added) files.push(`added     ${a}`);
      for (const r of c.removed) files.push(`removed   ${r}`);
      for (const r of c.renamed) files.push(`renamed   ${r.from} → ${r.to}`);
      for (const m of c.modeChanged) files.push(`mode      ${m.path} (${TYPE[m.from]} → ${TYPE[m.to]})`);
    }
    for (const p of d.problems ?? []) files.push(`problem   [${p.code}] ${JSON.stringify(p.path)}`);
    for (const f of files.slice(0, max)) out.push(`${ind}${f}`);
    if (files.length > max) out.push(`${ind}… and ${files.length - max} more`);
  }
  return out;
}

const LABEL: Record<PluginDrift['kind'], string> = {
  modified: 'modified',
  missing: 'locked but missing',
  'not-locked': 'installed but not locked',
  version: 'version changed',
  unreadable: 'unreadable',
};

const TYPE = { f: 'file', x: 'executable', l: 'symlink' } as const;
