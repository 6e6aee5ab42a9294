import { join } from 'node:path';
import type { DirEntry, FsView } from '../../fs-view.ts';

export interface WalkLimits { maxEntries: number; maxDepth: number }

/** Generous for real plugins, small enough that a hostile tree cannot stall validation. */
export const DEFAULT_WALK: WalkLimits = { maxEntries: 20_000, maxDepth: 24 };

/**
 * Every entry under `root` with its type from the directory listing (symlinks are reported, never
 * followed), depth first in name order, skipping `.git` (Claude Code deletes it from the cache copy).
 * Stops silently at the limits. The listing carries the types, so no entry is stat'ed.
 */
export function walkTree(fs: FsView, root: string, limits: WalkLimits = DEFAULT_WALK): Array<{ abs: string; type: DirEntry['type'] }> {
  const out: Array<{ abs: string; type: DirEntry['type'] }> = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > limits.maxDepth) return;
    const listed = fs.sortedList ? fs.sortedList(dir) : fs.list(dir);
    if (!listed.ok) return;
    const entries = fs.sortedList ? listed.entries : [...listed.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, type } of entries) {
      if (out.length >= limits.maxEntries) return;
      if (name === '.git') continue;
      const abs = join(dir, name);
      out.push({ abs, type });
      if (type === 'dir') visit(abs, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}
