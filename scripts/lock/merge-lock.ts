import type { LockEntry, LockFile } from './types.ts';

/**
 * The lock to write, from the file as it is now (re-read under the lock-file mutex) and this run's
 * entries: entries of `current` that `keep` accepts stay, `updates` replace or add theirs. So two runs
 * that add different plugins at the same time both survive.
 *
 * Trust facts: an update's `signer` is authoritative (the run verified the installed tree against the
 * policy, and no signer means none verified), so a signer is never carried over: a stale or hand-edited
 * one does not survive a re-lock. The grade (grade, score, findings) depends on the clock and the git
 * history as well as the tree, so an update without one keeps the recorded grade while the tree (the
 * integrity) is unchanged, and loses it when the tree changed.
 */
export function mergeLock(current: LockFile | undefined, updates: readonly LockEntry[], keep: (id: string) => boolean): LockFile {
  const byId = new Map<string, LockEntry>();
  for (const e of current?.plugins ?? []) if (keep(e.id)) byId.set(e.id, e);
  for (const u of updates) {
    const old = current?.plugins.find((e) => e.id === u.id);
    const graded = u.grade === undefined && old && old.integrity === u.integrity && old.grade !== undefined
      ? { grade: old.grade, score: old.score, findings: old.findings }
      : {};
    byId.set(u.id, { ...u, ...graded });
  }
  return { lockfileVersion: 1, plugins: [...byId.values()] };
}
