import type { LockEntry, LockFile } from './types.ts';

/**
 * The lock to write, from the file as it is now (re-read under the lock-file mutex) and this run's
 * entries: entries of `current` that `keep` accepts stay, `updates` replace or add theirs. So two runs
 * that add different plugins at the same time both survive. Trust facts (grade, signer) written by the
 * trust engine are carried over while the tree they were computed for (the integrity) is unchanged.
 */
export function mergeLock(current: LockFile | undefined, updates: readonly LockEntry[], keep: (id: string) => boolean): LockFile {
  const byId = new Map<string, LockEntry>();
  for (const e of current?.plugins ?? []) if (keep(e.id)) byId.set(e.id, e);
  for (const u of updates) {
    const old = current?.plugins.find((e) => e.id === u.id);
    const trust = old && old.integrity === u.integrity ? { grade: old.grade, signer: old.signer } : {};
    byId.set(u.id, { ...u, grade: u.grade ?? trust.grade, signer: u.signer ?? trust.signer });
  }
  return { lockfileVersion: 1, plugins: [...byId.values()] };
}
