import type { TreeEntry } from './tree-digest.ts';

/**
 * What changed from tree `a` (e.g. the lock) to tree `b` (e.g. what is installed now), by path:
 *  - modeChanged: same path and bytes, executable bit flipped (f <-> x);
 *  - modified:    same path, other bytes or another entry type (a file replaced by a symlink);
 *  - renamed:     a removed and an added entry with the same type and bytes, paired one to one;
 *  - removed / added: the rest.
 * Every list is sorted by path so that reports are stable.
 */
export interface TreeDiff {
  modified: Array<{ path: string; from: TreeEntry['type']; to: TreeEntry['type'] }>;
  modeChanged: Array<{ path: string; from: TreeEntry['type']; to: TreeEntry['type'] }>;
  renamed: Array<{ from: string; to: string }>;
  added: string[];
  removed: string[];
}

export function diffTrees(a: readonly TreeEntry[], b: readonly TreeEntry[]): TreeDiff {
  const before = new Map(a.map((e) => [e.path, e]));
  const after = new Map(b.map((e) => [e.path, e]));
  const out: TreeDiff = { modified: [], modeChanged: [], renamed: [], added: [], removed: [] };
  const removed: TreeEntry[] = [];
  for (const e of before.values()) {
    const now = after.get(e.path);
    if (!now) { removed.push(e); continue; }
    if (now.type === e.type && now.sha256 === e.sha256) continue;
    const isModeFlip = now.sha256 === e.sha256 && now.type !== 'l' && e.type !== 'l';
    (isModeFlip ? out.modeChanged : out.modified).push({ path: e.path, from: e.type, to: now.type });
  }
  const addedByContent = new Map<string, TreeEntry[]>();
  for (const e of after.values()) {
    if (before.has(e.path)) continue;
    const k = `${e.type} ${e.sha256}`;
    addedByContent.set(k, [...(addedByContent.get(k) ?? []), e]);
  }
  for (const e of removed) {
    const candidates = addedByContent.get(`${e.type} ${e.sha256}`);
    const to = candidates?.shift();
    if (to) out.renamed.push({ from: e.path, to: to.path });
    else out.removed.push(e.path);
  }
  for (const list of addedByContent.values()) for (const e of list) out.added.push(e.path);
  const byPath = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  out.modified.sort((x, y) => byPath(x.path, y.path));
  out.modeChanged.sort((x, y) => byPath(x.path, y.path));
  out.renamed.sort((x, y) => byPath(x.from, y.from));
  out.added.sort(byPath);
  out.removed.sort(byPath);
  return out;
}

/** True when the diff has no change at all. */
export function isEmptyDiff(d: TreeDiff): boolean {
  return d.modified.length + d.modeChanged.length + d.renamed.length + d.added.length + d.removed.length === 0;
}
