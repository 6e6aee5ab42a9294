import type { LockEntry } from './types.ts';

/**
 * Lock entries with every dependency before its dependents (so Claude Code finds it installed and does not
 * resolve it again), ties by id. A dependency cycle (which Claude refuses) keeps id order for its members.
 */
export function installOrder(entries: readonly LockEntry[]): LockEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: LockEntry[] = [];
  const visit = (e: LockEntry): void => {
    if (done.has(e.id) || visiting.has(e.id)) return;
    visiting.add(e.id);
    for (const d of [...e.dependencies].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const dep = byId.get(d.id);
      if (dep) visit(dep);
    }
    visiting.delete(e.id);
    done.add(e.id);
    out.push(e);
  };
  for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : 1))) visit(e);
  return out;
}
